package io.aloft.adapters.connect.events;

import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.proto.events.v1.RecordRequest;
import io.aloft.proto.events.v1.RecordResponse;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** {@code aloft.events.v1.EventsService}: how executors report the phases of action attempts. */
public final class EventsServiceBinding {

  public static final String SERVICE = "aloft.events.v1.EventsService";

  private final RecordEventsUseCase record;
  private final Clock clock;

  public EventsServiceBinding(RecordEventsUseCase record, Clock clock) {
    this.record = record;
    this.clock = clock;
  }

  public ConnectService service() {
    return ConnectService.builder(SERVICE)
        .unary("Record", RecordRequest.getDefaultInstance(), this::record)
        .build();
  }

  /** Every event is checked before any is recorded, so a bad batch changes nothing. */
  public Mono<RecordResponse> record(RecordRequest request, CallContext context) {
    return Mono.defer(() -> record.record(ActionEventRequests.toCommands(request, clock.instant())))
        .thenReturn(RecordResponse.getDefaultInstance());
  }
}
