package io.aloft.application.execution;

import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.support.Bytes;
import java.util.Map;

/** Builds the TaskAction spec of an action from its read-model row or its creating command. */
final class TaskActionSpecs {

  private TaskActionSpecs() {}

  static TaskActionSpec of(ActionView action, Map<String, String> env) {
    return new TaskActionSpec(
        action.id(),
        action.parent(),
        action.type(),
        action.inputUri(),
        action.runOutputBase(),
        action.task() == null ? null : action.task().taskType(),
        action.task() == null ? null : action.task().shortName(),
        Bytes.of(action.spec()),
        null,
        action.group(),
        env,
        action.createdAt());
  }

  /** The same spec, from the command that created the action (its events' createdAt). */
  static TaskActionSpec of(CreateAction command, Map<String, String> env) {
    return new TaskActionSpec(
        command.actionId(),
        command.parent(),
        command.type(),
        command.inputUri(),
        command.runOutputBase(),
        command.task() == null ? null : command.task().taskType(),
        command.task() == null ? null : command.task().shortName(),
        Bytes.of(command.spec()),
        null,
        command.group(),
        env,
        command.requestedAt());
  }
}
