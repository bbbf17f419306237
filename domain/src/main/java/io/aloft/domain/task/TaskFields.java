package io.aloft.domain.task;

import io.aloft.domain.support.Require;

/** Limits on a task's descriptive fields. */
final class TaskFields {

  static final int TASK_TYPE_MAX = 63;
  static final int SHORT_NAME_MAX = 255;
  static final int ENVIRONMENT_MAX = 255;

  private TaskFields() {}

  static void check(String taskType, String shortName, String environment, String specDigest) {
    Require.maxLength(Require.nonBlank(taskType, "task type"), TASK_TYPE_MAX, "task type");
    Require.maxLength(
        Require.nonBlank(shortName, "task short name"), SHORT_NAME_MAX, "task short name");
    Require.maxLength(environment, ENVIRONMENT_MAX, "task environment");
    Require.nonBlank(specDigest, "task spec digest");
  }
}
