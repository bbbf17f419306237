package io.aloft.application.port.publish;

import io.aloft.domain.action.ActionEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as the event store holds it: its identity, its global position, its sequence number in
 * its action's own stream, when it was stored, and the domain event.
 */
public record StoredEvent(
    String eventId, long globalPosition, long sequence, Instant recordedAt, ActionEvent event) {

  public StoredEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(event, "event");
  }
}
