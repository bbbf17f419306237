package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.mapping.EventRecords;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.run.ActionEventHistory;
import io.aloft.proto.run.v1.ListActionEventsRequest;
import io.aloft.proto.run.v1.ListActionEventsResponse;
import io.aloft.proto.run.v1.WatchActionEventsRequest;
import io.aloft.proto.run.v1.WatchActionEventsResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit log: stored domain events of a run or an action, paged or streamed. */
public final class EventLogHandlers {

  private final ActionEventHistory history;

  public EventLogHandlers(ActionEventHistory history) {
    this.history = history;
  }

  public Mono<ListActionEventsResponse> listActionEvents(
      ListActionEventsRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              EventLogRequests.EventPage page = EventLogRequests.list(request);
              return history.list(page.selection(), page.limit());
            })
        .map(
            page -> {
              ListActionEventsResponse.Builder response = ListActionEventsResponse.newBuilder();
              page.items().forEach(event -> response.addEvents(EventRecords.toProto(event)));
              return response.setToken(page.nextToken()).build();
            });
  }

  /** One event per message: the history replays in batches, and live events come one by one. */
  public Flux<WatchActionEventsResponse> watchActionEvents(
      WatchActionEventsRequest request, CallContext context) {
    return Flux.defer(() -> history.watch(EventLogRequests.watch(request)))
        .map(
            event ->
                WatchActionEventsResponse.newBuilder()
                    .addEvents(EventRecords.toProto(event))
                    .build());
  }
}
