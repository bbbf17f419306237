package io.aloft.application.port.publish;

import java.util.List;
import reactor.core.publisher.Mono;

/** Sends stored events to subscribers outside the process (the event stream). */
public interface EventPublisher {

  /**
   * Sends the events, in list order for events with the same key. The Mono completes once every
   * event is acknowledged durably; it does not fail on an outage of the stream but keeps trying
   * (the caller's position must not move past an unacknowledged event). A retried batch may be
   * delivered twice, in part or whole: delivery is at least once.
   */
  Mono<Void> publish(List<OutgoingEvent> events);
}
