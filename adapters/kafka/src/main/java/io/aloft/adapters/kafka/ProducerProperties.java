package io.aloft.adapters.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer's configuration: the guarantees the event stream promises are set here. */
final class ProducerProperties {

  private ProducerProperties() {}

  static Map<String, Object> of(KafkaSettings settings) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Acknowledged means written to every in-sync replica.
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // The broker drops the producer's own retried duplicates and keeps each partition in send
    // order, which holds only with at most 5 requests in flight per connection.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    int request = millis(settings.requestTimeout());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, request);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(settings.deliveryTimeout()));
    props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    return props;
  }

  static Map<String, Object> admin(KafkaSettings settings) {
    Map<String, Object> props = new HashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, settings.clientId() + "-admin");
    props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(settings.requestTimeout()));
    props.put(
        CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(settings.deliveryTimeout()));
    return props;
  }

  static int millis(Duration duration) {
    return Math.toIntExact(duration.toMillis());
  }
}
