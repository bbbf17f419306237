package io.aloft.domain.task;

import io.aloft.domain.id.TaskId;

/** A request to change one task version; {@link Task#decide} turns it into events. */
public sealed interface TaskCommand permits DeployTask {

  TaskId taskId();
}
