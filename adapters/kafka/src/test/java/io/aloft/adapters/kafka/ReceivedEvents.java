package io.aloft.adapters.kafka;

import io.aloft.adapters.kafka.example.EventStreamConsumer;
import io.aloft.proto.run.v1.StoredActionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a subscriber (the documented example consumer) received, duplicates dropped, per run key in
 * arrival order. For tests of the event stream, here and in the manager.
 */
public final class ReceivedEvents {

  private final Map<String, List<StoredActionEvent>> byKey = new LinkedHashMap<>();
  private final Map<String, StoredActionEvent> byId = new LinkedHashMap<>();

  /**
   * Reads until every identity in {@code expected} has arrived; the caller's test timeout bounds
   * the wait (the relay keeps retrying, it never gives up).
   */
  public static ReceivedEvents awaitAll(String bootstrap, String topic, Set<String> expected) {
    ReceivedEvents received = new ReceivedEvents();
    try (EventStreamConsumer consumer =
        new EventStreamConsumer(bootstrap, topic, "test-" + UUID.randomUUID())) {
      while (!received.byId.keySet().containsAll(expected)) {
        consumer.poll(Duration.ofMillis(200), received::add);
      }
    }
    return received;
  }

  private void add(String key, StoredActionEvent event) {
    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
    byId.put(event.getEventId(), event);
  }

  public Map<String, List<StoredActionEvent>> byKey() {
    return byKey;
  }

  public Map<String, StoredActionEvent> byId() {
    return byId;
  }
}
