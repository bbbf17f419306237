package io.aloft.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.publish.OutgoingEvent;
import io.aloft.proto.run.v1.StoredActionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The publisher against a real (embedded KRaft) broker, started once for the class. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaEventPublisherTest {

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void givenInterleavedRuns_WhenPublished_ThenEachRunArrivesInOrderUnderItsKey() {
    String topic = "events-order";
    List<OutgoingEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      events.add(Events.event("p/development/run" + (i % 3), i + 1, i / 3));
    }
    try (KafkaEventPublisher publisher =
        new KafkaEventPublisher(Events.settings(broker.getBrokersAsString(), topic))) {
      publisher.publish(events).block(Duration.ofSeconds(60));
    }

    ReceivedEvents received =
        ReceivedEvents.awaitAll(broker.getBrokersAsString(), topic, ids(events));

    assertThat(received.byKey())
        .containsOnlyKeys("p/development/run0", "p/development/run1", "p/development/run2");
    received
        .byKey()
        .values()
        .forEach(
            run ->
                assertThat(run)
                    .extracting(StoredActionEvent::getGlobalPosition)
                    .isSorted()
                    .hasSize(20));
  }

  @Test
  void givenAnEvent_ThenItsHeadersCarryTypePositionAndIdentity() {
    String topic = "events-headers";
    OutgoingEvent event = Events.event("p/development/r1", 42, 0);
    try (KafkaEventPublisher publisher =
        new KafkaEventPublisher(Events.settings(broker.getBrokersAsString(), topic))) {
      publisher.publish(List.of(event)).block(Duration.ofSeconds(60));
    }

    ConsumerRecord<String, byte[]> record = readOne(topic);

    assertThat(record.key()).isEqualTo("p/development/r1");
    assertThat(headers(record))
        .containsEntry(EventHeaders.TYPE, "ActionCreated")
        .containsEntry(EventHeaders.POSITION, "42")
        .containsEntry(EventHeaders.EVENT_ID, event.eventId());
    assertThat(record.value()).isEqualTo(event.payload());
  }

  @Test
  void givenAMissingTopic_ThenItIsCreatedWithTheConfiguredPartitions() {
    String topic = "events-created";
    try (KafkaEventPublisher publisher =
        new KafkaEventPublisher(Events.settings(broker.getBrokersAsString(), topic))) {
      publisher.publish(List.of(Events.event("p/d/r", 1, 0))).block(Duration.ofSeconds(60));
    }

    int partitions =
        broker.doWithAdminFunction(
            admin -> {
              try {
                return admin
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(partitions).isEqualTo(3);
  }

  private static Set<String> ids(List<OutgoingEvent> events) {
    return events.stream().map(OutgoingEvent::eventId).collect(Collectors.toSet());
  }

  private static ConsumerRecord<String, byte[]> readOne(String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (true) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          return record;
        }
      }
    }
  }

  private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
    Map<String, String> headers = new java.util.HashMap<>();
    record
        .headers()
        .forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    return headers;
  }
}
