package io.aloft.application.port.publish;

import io.aloft.application.port.query.ActionEventView;

/** The event stream's wire format: one stored event to the bytes of a record's value. */
public interface EventEncoder {

  /** {@code view} is the event as the audit history shows it, without a history position. */
  byte[] encode(String eventId, long globalPosition, ActionEventView view);
}
