package io.aloft.application.port.publish;

import java.util.Objects;

/**
 * An event ready for the event stream. {@code key} groups the events that must stay in order (one
 * run's); {@code eventId}, {@code globalPosition} and {@code type} travel beside the payload so
 * consumers can route and drop duplicates without decoding it; {@code payload} is the encoded
 * event.
 */
public record OutgoingEvent(
    String key, String eventId, long globalPosition, String type, byte[] payload) {

  public OutgoingEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
