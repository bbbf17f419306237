package io.aloft.domain.task;

import io.aloft.domain.error.AlreadyExists;
import java.util.List;
import java.util.Objects;

/** The task aggregate: one deployed version, immutable once deployed. Pure decide/evolve. */
public final class Task {

  private Task() {}

  /**
   * @param state null when this version was never deployed
   * @return one {@link TaskDeployed}, or none when the same spec is deployed again
   * @throws AlreadyExists when the version exists with a different spec
   */
  public static List<TaskEvent> decide(TaskCommand command, TaskState state) {
    Objects.requireNonNull(command, "command");
    return switch (command) {
      case DeployTask c -> deploy(c, state);
    };
  }

  /** Folds {@code event} into {@code state} (null before the version was deployed). */
  public static TaskState evolve(TaskState state, TaskEvent event) {
    Objects.requireNonNull(event, "event");
    if (state != null) {
      throw new IllegalStateException("task " + event.taskId() + " is already deployed");
    }
    return switch (event) {
      case TaskDeployed e ->
          new TaskState(
              e.id(),
              e.taskType(),
              e.shortName(),
              e.environment(),
              e.specDigest(),
              e.spec(),
              e.deployedAt());
    };
  }

  private static List<TaskEvent> deploy(DeployTask c, TaskState state) {
    if (state == null) {
      return List.of(
          new TaskDeployed(
              c.id(),
              c.taskType(),
              c.shortName(),
              c.environment(),
              c.spec(),
              c.specDigest(),
              c.deployedBy(),
              c.requestedAt()));
    }
    // The SDK redeploys unchanged tasks on every run, so the same spec must be a quiet no-op.
    if (state.specDigest().equals(c.specDigest())) {
      return List.of();
    }
    throw new AlreadyExists(
        "task "
            + c.id().taskName().key()
            + " version "
            + c.id().version()
            + " already exists with a different spec; deploy it under a new version");
  }
}
