package io.aloft.adapters.connect.run;

import com.google.protobuf.Timestamp;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Paging;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.application.port.query.EventSelection;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.run.v1.ListActionEventsRequest;
import io.aloft.proto.run.v1.WatchActionEventsRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Checks ListActionEvents and WatchActionEvents requests, which select events alike. */
public final class EventLogRequests {

  private EventLogRequests() {}

  /** A page of events: the selection (after the token's position) and the page size. */
  public record EventPage(EventSelection selection, int limit) {}

  public static EventPage list(ListActionEventsRequest request) {
    EventSelection selection =
        selection(
            request.hasRunId() ? request.getRunId() : null,
            request.hasActionId() ? request.getActionId() : null,
            request.hasAfterPosition() ? request.getAfterPosition() : null,
            request.hasFromTime() ? request.getFromTime() : null);
    int limit = Paging.limit(request.getLimit(), "limit");
    // The token is the position of the last event sent, so the next page starts after it.
    return new EventPage(selection.after(Paging.position(request.getToken(), "token")), limit);
  }

  public static EventSelection watch(WatchActionEventsRequest request) {
    return selection(
        request.hasRunId() ? request.getRunId() : null,
        request.hasActionId() ? request.getActionId() : null,
        request.hasAfterPosition() ? request.getAfterPosition() : null,
        request.hasFromTime() ? request.getFromTime() : null);
  }

  /** At most one of each pair is set: they are oneofs. */
  private static EventSelection selection(
      @Nullable RunIdentifier run,
      @Nullable ActionIdentifier action,
      @Nullable Long afterPosition,
      @Nullable Timestamp fromTime) {
    long after = afterPosition == null ? 0 : afterPosition(afterPosition);
    Instant from = fromTime == null ? null : Timestamps.fromProto(fromTime, "from_time");
    if (run != null) {
      return EventSelection.ofRun(Ids.runId(run, "run_id"), after, from);
    }
    if (action != null) {
      return EventSelection.ofAction(Ids.actionId(action, "action_id"), after, from);
    }
    throw Fields.missing("run_id or action_id");
  }

  private static long afterPosition(long position) {
    if (position < 0) {
      throw new InvalidArgument(
          "after_position must not be negative (got " + position + "); 0 starts at the beginning");
    }
    return position;
  }
}
