package io.aloft.application.publish;

import io.aloft.application.port.publish.StoredEvent;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.CacheStatus;
import java.util.List;

/**
 * A stored event as the audit history shows it (the same fields the projection writes to {@code
 * action_events}), so the stream and RunService.ListActionEvents share one wire mapping. The
 * history position is the read model's and unknown here: it stays 0.
 */
final class StoredEventViews {

  private static final long NO_HISTORY_POSITION = 0;

  private StoredEventViews() {}

  static ActionEventView of(StoredEvent stored) {
    return switch (stored.event()) {
      case ActionCreated created -> created(stored, created);
      case ActionEventRecorded recorded -> recorded(stored, recorded);
      case ActionAbortRequested abort -> aborted(stored, abort);
    };
  }

  static String type(StoredEvent stored) {
    return switch (stored.event()) {
      case ActionCreated created -> "ActionCreated";
      case ActionEventRecorded recorded -> "ActionEventRecorded";
      case ActionAbortRequested abort -> "ActionAbortRequested";
    };
  }

  private static ActionEventView created(StoredEvent stored, ActionCreated event) {
    return nonReport(stored, event.createdBy(), null);
  }

  private static ActionEventView aborted(StoredEvent stored, ActionAbortRequested event) {
    return nonReport(stored, event.requestedBy(), event.reason());
  }

  private static ActionEventView nonReport(StoredEvent stored, String actor, String reason) {
    return new ActionEventView(
        NO_HISTORY_POSITION,
        stored.recordedAt(),
        stored.event().actionId(),
        type(stored),
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
        stored.sequence());
  }

  private static ActionEventView recorded(StoredEvent stored, ActionEventRecorded event) {
    return new ActionEventView(
        NO_HISTORY_POSITION,
        stored.recordedAt(),
        event.actionId(),
        type(stored),
        event.key(),
        event.updatedTime(),
        event.reportedTime(),
        event.error(),
        event.logs(),
        event.outputUri(),
        event.cacheStatus(),
        event.cluster(),
        null,
        null,
        stored.sequence(),
        event.reportUri());
  }
}
