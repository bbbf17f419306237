package io.aloft.domain.action;

import io.aloft.domain.id.TaskId;
import java.util.Objects;

/**
 * The task an action runs, denormalised so lists can show and filter it without a join.
 *
 * @param id never null
 * @param taskType never null, e.g. {@code python}
 * @param shortName never null: the display name (the function name for python tasks)
 * @param environment nullable: the SDK's TaskEnvironment name
 */
public record TaskRef(TaskId id, String taskType, String shortName, String environment) {

  public TaskRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(shortName, "shortName");
  }
}
