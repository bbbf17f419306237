package io.aloft.application.port.query;

import io.aloft.domain.action.ActionEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A domain event of an action as the event store holds it.
 *
 * @param position the event store's global position
 * @param recordedAt when the event store recorded it
 * @param event never null
 */
public record StoredActionEvent(long position, Instant recordedAt, ActionEvent event) {

  public StoredActionEvent {
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(event, "event");
  }
}
