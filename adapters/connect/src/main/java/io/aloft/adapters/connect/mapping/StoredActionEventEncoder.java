package io.aloft.adapters.connect.mapping;

import io.aloft.application.port.publish.EventEncoder;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.proto.run.v1.StoredActionEvent;

/**
 * The event stream's wire format: {@code aloft.run.v1.StoredActionEvent}, whose record is built by
 * the same mapping as RunService.ListActionEvents ({@link EventRecords}), so a subscriber decodes
 * stream and API with one schema.
 */
public final class StoredActionEventEncoder implements EventEncoder {

  @Override
  public byte[] encode(String eventId, long globalPosition, ActionEventView view) {
    return StoredActionEvent.newBuilder()
        .setEventId(eventId)
        .setGlobalPosition(globalPosition)
        .setRecord(EventRecords.toProto(view))
        .build()
        .toByteArray();
  }
}
