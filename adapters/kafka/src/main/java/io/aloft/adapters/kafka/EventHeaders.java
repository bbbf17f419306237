package io.aloft.adapters.kafka;

import io.aloft.application.port.publish.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The headers of every record, all UTF-8 text so that any tool shows them: the event type, the
 * global position (decimal) and the event identity. docs/events-on-kafka.md documents them.
 */
public final class EventHeaders {

  public static final String TYPE = "aloft-event-type";
  public static final String POSITION = "aloft-global-position";
  public static final String EVENT_ID = "aloft-event-id";

  private EventHeaders() {}

  static List<Header> of(OutgoingEvent event) {
    return List.of(
        header(TYPE, event.type()),
        header(POSITION, Long.toString(event.globalPosition())),
        header(EVENT_ID, event.eventId()));
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
