package io.aloft.application.execution;

import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.support.Bytes;

/**
 * Builds the TaskAction spec of an action from its read-model row or its creating command, with the
 * run's defaults applied: its environment, its raw data prefix, and its start time in the task's
 * container args.
 */
final class TaskActionSpecs {

  private TaskActionSpecs() {}

  static TaskActionSpec of(ActionView action, RunDefaults run, ActionSpecReader specs) {
    return new TaskActionSpec(
        action.id(),
        action.parent(),
        action.type(),
        action.inputUri(),
        action.runOutputBase(),
        action.task() == null ? null : action.task().taskType(),
        action.task() == null ? null : action.task().shortName(),
        spec(action.type(), action.spec(), run, specs),
        null,
        action.group(),
        run.environment(),
        action.createdAt(),
        run.rawDataPrefix());
  }

  /** The same spec, from the command that created the action (its events' createdAt). */
  static TaskActionSpec of(CreateAction command, RunDefaults run, ActionSpecReader specs) {
    return new TaskActionSpec(
        command.actionId(),
        command.parent(),
        command.type(),
        command.inputUri(),
        command.runOutputBase(),
        command.task() == null ? null : command.task().taskType(),
        command.task() == null ? null : command.task().shortName(),
        spec(command.type(), command.spec(), run, specs),
        null,
        command.group(),
        run.environment(),
        command.requestedAt(),
        run.rawDataPrefix());
  }

  /** A spec that cannot be read stays as it is: the controller fails the action, naming why. */
  private static Bytes spec(ActionType type, byte[] spec, RunDefaults run, ActionSpecReader specs) {
    Bytes stored = Bytes.of(spec);
    if (type != ActionType.TASK) {
      return stored;
    }
    try {
      return specs.withRunStartTime(stored, run.startTime());
    } catch (InvalidArgument unreadable) {
      return stored;
    }
  }
}
