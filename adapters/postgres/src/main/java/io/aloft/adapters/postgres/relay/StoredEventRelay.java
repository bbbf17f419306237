package io.aloft.adapters.postgres.relay;

import io.aloft.application.port.publish.StoredEvent;
import io.aloft.application.publish.EventRelay;
import io.aloft.domain.action.ActionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The event store is the outbox and this processor's token is the relay position. Each event of a
 * processor batch is collected; just before the batch's unit of work commits (and with it the
 * token), the whole batch goes to {@link EventRelay} as one send, and the commit waits until the
 * stream acknowledged all of it. A failure rolls the batch back, so the token never passes an
 * unacknowledged event.
 */
@ProcessingGroup(RelayGroup.NAME)
public class StoredEventRelay {

  private static final String RESOURCE = "aloft.relay-batch";

  private final EventRelay relay;

  public StoredEventRelay(EventRelay relay) {
    this.relay = relay;
  }

  @EventHandler
  void on(
      ActionEvent event,
      EventMessage<?> message,
      @SequenceNumber long sequence,
      TrackingToken token,
      @Timestamp Instant recordedAt) {
    StoredEvent stored =
        new StoredEvent(message.getIdentifier(), position(token), sequence, recordedAt, event);
    if (!CurrentUnitOfWork.isStarted()) {
      send(List.of(stored));
      return;
    }
    CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> open()).add(stored);
  }

  private List<StoredEvent> open() {
    List<StoredEvent> batch = new ArrayList<>();
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    root.onPrepareCommit(u -> send(batch));
    return batch;
  }

  /**
   * Waits on the processor's own thread, never an event loop: holding this thread is exactly what
   * pauses the processor (and its token) during a broker outage, and the wait ends only when every
   * event is acknowledged, or when the processor is shut down (interrupting the wait).
   */
  private void send(List<StoredEvent> batch) {
    relay.relay(List.copyOf(batch)).block();
  }

  /**
   * The processor's position when it read the event: the event's own global index, except for an
   * event whose transaction committed late (a gap Axon filled), which gets the highest index seen
   * by then. So positions never go down in delivery order, but are not unique.
   */
  private static long position(TrackingToken token) {
    if (token == null) {
      throw new IllegalStateException("the relay must run in a streaming event processor");
    }
    return token.position().orElseThrow();
  }
}
