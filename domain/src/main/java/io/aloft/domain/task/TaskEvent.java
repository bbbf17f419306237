package io.aloft.domain.task;

import io.aloft.domain.id.TaskId;

/** Something that happened to one task version. */
public sealed interface TaskEvent permits TaskDeployed {

  TaskId taskId();
}
