package io.aloft.adapters.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how events are published.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param topic the events topic
 * @param clientId the producer's client id (broker logs and quotas)
 * @param createTopic whether to create the topic when it is missing
 * @param partitions partitions of a created topic
 * @param replicationFactor replication of a created topic
 * @param requestTimeout a request to a broker, and the metadata wait of a send
 * @param deliveryTimeout one attempt at a batch: the producer's own retries stop after it
 * @param retry how attempts after a failed one are spaced
 */
public record KafkaSettings(
    String bootstrapServers,
    String topic,
    String clientId,
    boolean createTopic,
    int partitions,
    short replicationFactor,
    Duration requestTimeout,
    Duration deliveryTimeout,
    Backoff retry) {

  public KafkaSettings {
    requireText(bootstrapServers, "aloft.kafka.bootstrap-servers");
    requireText(topic, "aloft.kafka.topic");
    requireText(clientId, "aloft.kafka.client-id");
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException(
          "aloft.kafka.partitions and aloft.kafka.replication-factor must be at least 1");
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    if (deliveryTimeout.compareTo(requestTimeout) <= 0) {
      // kafka-clients refuses a delivery timeout below linger + request timeout at startup.
      throw new IllegalArgumentException(
          "aloft.kafka.delivery-timeout must be longer than aloft.kafka.request-timeout");
    }
  }

  /**
   * Exponential backoff with jitter between attempts at a batch.
   *
   * @param initial the first wait
   * @param max the longest wait
   * @param maxAttempts attempts per batch; 0 means unbounded (the relay's default: it must not
   *     skip)
   */
  public record Backoff(Duration initial, Duration max, int maxAttempts) {

    public Backoff {
      if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "aloft.kafka.retry: initial-backoff must be positive and at most max-backoff");
      }
      if (maxAttempts < 0) {
        throw new IllegalArgumentException("aloft.kafka.retry.max-attempts must be 0 or more");
      }
    }
  }

  private static void requireText(String value, String setting) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(setting + " must be set");
    }
  }
}
