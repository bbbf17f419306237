package io.aloft.application.port.query;

import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEvent;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.CacheStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A domain event as a history entry: the fields the projection writes to {@code action_events}. The
 * one mapping behind the audit history's readers that start from stored events rather than the read
 * model: time travel, and the event stream.
 */
public final class HistoryEntry {

  private HistoryEntry() {}

  /**
   * @param position where the entry stands in the history the caller serves
   * @param times applied to every time, as the caller's store would keep it (e.g. to microseconds)
   */
  public static ActionEventView of(
      ActionEvent event,
      long position,
      Instant recordedAt,
      long sequence,
      UnaryOperator<Instant> times) {
    return switch (event) {
      case ActionCreated e ->
          other(e, position, times.apply(recordedAt), e.createdBy(), null, sequence);
      case ActionAbortRequested e ->
          other(e, position, times.apply(recordedAt), e.requestedBy(), e.reason(), sequence);
      case ActionEventRecorded e ->
          new ActionEventView(
              position,
              times.apply(recordedAt),
              e.actionId(),
              typeOf(e),
              e.key(),
              nullable(e.updatedTime(), times),
              nullable(e.reportedTime(), times),
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

  /** The domain event's name, as the history and the stream's headers give it. */
  public static String typeOf(ActionEvent event) {
    return switch (event) {
      case ActionCreated created -> "ActionCreated";
      case ActionEventRecorded recorded -> "ActionEventRecorded";
      case ActionAbortRequested abort -> "ActionAbortRequested";
    };
  }

  private static ActionEventView other(
      ActionEvent event,
      long position,
      Instant recordedAt,
      String actor,
      String reason,
      long sequence) {
    return new ActionEventView(
        position,
        recordedAt,
        event.actionId(),
        typeOf(event),
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

  private static Instant nullable(Instant time, UnaryOperator<Instant> times) {
    return time == null ? null : times.apply(time);
  }
}
