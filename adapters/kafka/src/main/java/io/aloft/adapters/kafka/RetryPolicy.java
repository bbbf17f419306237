package io.aloft.adapters.kafka;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attempts at a batch: exponential backoff with jitter, by default without end, because the relay
 * must pause rather than skip; each failed attempt is logged. A closed publisher stops retrying.
 */
final class RetryPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
  private static final double MULTIPLIER = 2.0;
  private static final double JITTER = 0.5;

  private RetryPolicy() {}

  static Retry of(KafkaSettings settings, BooleanSupplier closed) {
    KafkaSettings.Backoff backoff = settings.retry();
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(backoff.maxAttempts() == 0 ? Integer.MAX_VALUE : backoff.maxAttempts())
            .intervalFunction(
                IntervalFunction.ofExponentialRandomBackoff(
                    backoff.initial(), MULTIPLIER, JITTER, backoff.max()))
            .retryOnException(e -> !closed.getAsBoolean())
            .failAfterMaxAttempts(true)
            .build();
    Retry retry = Retry.of("aloft-kafka-" + settings.topic(), config);
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                LOG.warn(
                    "publishing to Kafka topic {} failed (attempt {}), retrying in {} ms: {}",
                    settings.topic(),
                    event.getNumberOfRetryAttempts(),
                    event.getWaitInterval().toMillis(),
                    String.valueOf(event.getLastThrowable())));
    return retry;
  }
}
