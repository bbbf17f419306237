package io.aloft.application.publish;

import io.aloft.application.port.publish.EventEncoder;
import io.aloft.application.port.publish.EventPublisher;
import io.aloft.application.port.publish.OutgoingEvent;
import io.aloft.application.port.publish.StoredEvent;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.HistoryEntry;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Publishes stored events on the event stream. The event store is the outbox: the caller (a
 * tracking event processor) hands over a batch in store order and moves its position only when the
 * returned Mono completes, which {@link EventPublisher} promises to do only once every event is
 * acknowledged. Events are keyed by their run, so one run's events stay in order.
 */
public final class EventRelay {

  private final EventEncoder encoder;
  private final EventPublisher publisher;

  public EventRelay(EventEncoder encoder, EventPublisher publisher) {
    this.encoder = encoder;
    this.publisher = publisher;
  }

  public Mono<Void> relay(List<StoredEvent> batch) {
    if (batch.isEmpty()) {
      return Mono.empty();
    }
    return Mono.fromCallable(() -> batch.stream().map(this::outgoing).toList())
        .flatMap(publisher::publish);
  }

  private OutgoingEvent outgoing(StoredEvent stored) {
    return new OutgoingEvent(
        // RunId.key() is <project>/<domain>/<run>: one run's events share a partition.
        stored.event().actionId().run().key(),
        stored.eventId(),
        stored.globalPosition(),
        HistoryEntry.typeOf(stored.event()),
        encoder.encode(stored.eventId(), stored.globalPosition(), view(stored)));
  }

  /**
   * The entry ListActionEvents would show, so the stream and the API share one wire mapping; the
   * history position is the read model's and unknown here: it stays 0.
   */
  private static ActionEventView view(StoredEvent stored) {
    return HistoryEntry.of(stored.event(), 0, stored.recordedAt(), stored.sequence(), time -> time);
  }
}
