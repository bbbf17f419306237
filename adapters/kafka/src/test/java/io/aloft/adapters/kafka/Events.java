package io.aloft.adapters.kafka;

import io.aloft.application.port.publish.OutgoingEvent;
import io.aloft.proto.run.v1.ActionEventRecord;
import io.aloft.proto.run.v1.StoredActionEvent;
import java.time.Duration;
import java.util.UUID;

/** Outgoing events whose payload is a real StoredActionEvent, and test settings. */
final class Events {

  private Events() {}

  static OutgoingEvent event(String runKey, long position, long sequence) {
    String id = UUID.randomUUID().toString();
    byte[] payload =
        StoredActionEvent.newBuilder()
            .setEventId(id)
            .setGlobalPosition(position)
            .setRecord(
                ActionEventRecord.newBuilder().setType("ActionCreated").setSequence(sequence))
            .build()
            .toByteArray();
    return new OutgoingEvent(runKey, id, position, "ActionCreated", payload);
  }

  static KafkaSettings settings(String bootstrap, String topic) {
    return new KafkaSettings(
        bootstrap,
        topic,
        "aloft-test",
        true,
        3,
        (short) 1,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        new KafkaSettings.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0));
  }
}
