package io.aloft.application.timetravel;

import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.StoredActionEvent;
import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.CacheStatus;
import java.util.List;

/**
 * A stored event as a history entry, with the fields the projection writes to {@code
 * action_events}, so {@link io.aloft.application.run.AttemptHistory} rebuilds attempts from
 * replayed events exactly as it does from the read model. The position is the event store's.
 */
final class HistoryEntries {

  private HistoryEntries() {}

  static ActionEventView of(StoredActionEvent stored, long sequence) {
    var recordedAt = StoredTimes.micros(stored.recordedAt());
    return switch (stored.event()) {
      case ActionCreated e -> other(stored, "ActionCreated", e.createdBy(), null, sequence);
      case ActionAbortRequested e ->
          other(stored, "ActionAbortRequested", e.requestedBy(), e.reason(), sequence);
      case ActionEventRecorded e ->
          new ActionEventView(
              stored.position(),
              recordedAt,
              e.actionId(),
              "ActionEventRecorded",
              e.key(),
              StoredTimes.micros(e.updatedTime()),
              StoredTimes.micros(e.reportedTime()),
              e.error(),
              e.logs(),
              e.outputUri(),
              e.cacheStatus(),
              e.cluster(),
              null,
              null,
              sequence,
              e.reportUri());
    };
  }

  private static ActionEventView other(
      StoredActionEvent stored, String type, String actor, String reason, long sequence) {
    return new ActionEventView(
        stored.position(),
        StoredTimes.micros(stored.recordedAt()),
        stored.event().actionId(),
        type,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        CacheStatus.UNSPECIFIED,
        null,
        actor,
        reason,
        sequence);
  }
}
