package io.aloft.adapters.kafka;

import io.aloft.application.port.publish.EventPublisher;
import io.aloft.application.port.publish.OutgoingEvent;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

/**
 * Publishes a batch as one reactor-kafka send, records in list order, on one idempotent producer
 * (acks=all, at most 5 requests in flight): within a partition, hence within a run, the broker
 * keeps them in order. An attempt fails on the first record the producer gives up on (after {@code
 * deliveryTimeout}); the whole batch is then sent again after a backoff, so records of a retried
 * batch may arrive twice. The Mono completes only when every record of one attempt was
 * acknowledged.
 */
public final class KafkaEventPublisher implements EventPublisher, AutoCloseable {

  private final KafkaSettings settings;
  private final KafkaSender<String, byte[]> sender;
  private final TopicCheck topic;
  private final Retry retry;
  private volatile boolean closed;

  public KafkaEventPublisher(KafkaSettings settings) {
    this.settings = settings;
    this.sender =
        KafkaSender.create(
            SenderOptions.<String, byte[]>create(ProducerProperties.of(settings))
                // Results are handed over on a thread that may wait, never a Reactor event loop.
                .scheduler(Schedulers.boundedElastic())
                .stopOnError(true));
    this.topic = new TopicCheck(settings);
    this.retry = RetryPolicy.of(settings, () -> closed);
  }

  @Override
  public Mono<Void> publish(List<OutgoingEvent> events) {
    if (events.isEmpty()) {
      return Mono.empty();
    }
    return Mono.defer(() -> topic.ensure().then(attempt(events)))
        .transformDeferred(RetryOperator.of(retry));
  }

  private Mono<Void> attempt(List<OutgoingEvent> events) {
    return sender
        .send(Flux.fromIterable(events).map(this::record))
        .then()
        // A backstop beyond the producer's own delivery timeout, so no attempt hangs.
        .timeout(settings.deliveryTimeout().plus(settings.requestTimeout()));
  }

  private SenderRecord<String, byte[], String> record(OutgoingEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            settings.topic(), null, event.key(), event.payload(), EventHeaders.of(event));
    return SenderRecord.create(record, event.eventId());
  }

  /** The retry policy: its events and metrics show failed attempts (monitoring, tests). */
  public Retry retry() {
    return retry;
  }

  @Override
  public void close() {
    closed = true;
    sender.close();
    topic.close();
  }
}
