package io.aloft.domain.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * One action's execution record: an immutable spec, the controller's status, and deletion (abort)
 * bookkeeping, as a Kubernetes resource would hold them.
 *
 * @param deletionRequestedAt nullable: set once the action is aborted; the controller then stops
 *     the plugin, reports ABORTED and removes the finalizer, after which the record goes away
 * @param deletionReason nullable
 * @param resourceVersion grows with every stored change; updates name the version they read
 */
public record TaskAction(
    TaskActionSpec spec,
    TaskActionStatus status,
    Instant deletionRequestedAt,
    String deletionReason,
    long resourceVersion) {

  public TaskAction {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(status, "status");
  }

  public static TaskAction create(TaskActionSpec spec) {
    return new TaskAction(spec, TaskActionStatus.queued(spec.createdAt()), null, null, 0);
  }

  public boolean isDeleting() {
    return deletionRequestedAt != null;
  }

  public TaskAction withStatus(TaskActionStatus next) {
    return new TaskAction(spec, next, deletionRequestedAt, deletionReason, resourceVersion);
  }
}
