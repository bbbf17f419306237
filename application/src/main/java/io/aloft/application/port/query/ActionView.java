package io.aloft.application.port.query;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.Map;

/**
 * An action (a run is its root action {@code a0}) as the read model holds it. Nullable: parent,
 * task, group, spec, runSpec, source, triggerName, createdBy, startedAt, endedAt, durationMs,
 * error, abortReason, outputUri.
 *
 * @param childrenPhaseCounts how many of all descendants (not only direct children) are in each
 *     phase
 * @param position the global event-store position of the last event applied to this row
 * @param version grows with every change to this row, in the order the projection made the changes;
 *     unlike {@code position} it also grows when a late-committed event (a filled gap in the global
 *     order) changes the row, so watches compare versions
 */
public record ActionView(
    ActionId id,
    ActionId parent,
    ActionType type,
    TaskRef task,
    String group,
    String inputUri,
    String runOutputBase,
    byte[] spec,
    byte[] runSpec,
    String source,
    String triggerName,
    String createdBy,
    ActionPhase phase,
    int attempts,
    CacheStatus cacheStatus,
    ExecutionError error,
    String abortReason,
    String outputUri,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant endedAt,
    Long durationMs,
    Map<ActionPhase, Integer> childrenPhaseCounts,
    long position,
    long version) {

  public ActionView {
    childrenPhaseCounts = Map.copyOf(childrenPhaseCounts);
  }
}
