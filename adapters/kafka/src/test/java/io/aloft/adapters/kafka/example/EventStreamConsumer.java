package io.aloft.adapters.kafka.example;

import com.google.protobuf.InvalidProtocolBufferException;
import io.aloft.proto.run.v1.StoredActionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The example subscriber of docs/events-on-kafka.md, with plain kafka-clients and the public proto
 * schema: reads the events topic from the beginning, drops duplicates by event identity, decodes
 * each value as {@code aloft.run.v1.StoredActionEvent} and hands it on with its run key. Kept
 * compiled and exercised by the tests so the documentation cannot rot.
 */
public final class EventStreamConsumer implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;

  /** Identities already handled. A real subscriber keeps these (or a per-run high-water mark). */
  private final Set<String> handled = new HashSet<>();

  public EventStreamConsumer(String bootstrapServers, String topic, String groupId) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Polls once and hands every new event to {@code handler}, then commits the offsets. */
  public int poll(Duration wait, BiConsumer<String, StoredActionEvent> handler) {
    int handed = 0;
    for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
      String eventId = header(record, "aloft-event-id");
      if (!handled.add(eventId)) {
        continue; // a duplicate: a batch the relay sent again after a failure
      }
      handler.accept(record.key(), decode(record.value()));
      handed++;
    }
    consumer.commitSync();
    return handed;
  }

  private static StoredActionEvent decode(byte[] value) {
    try {
      return StoredActionEvent.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("not an aloft.run.v1.StoredActionEvent", e);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
