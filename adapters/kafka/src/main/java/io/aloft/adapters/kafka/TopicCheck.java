package io.aloft.adapters.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Makes sure the topic exists before the first send: created when missing (if allowed) with the
 * configured partitions. Checked once per process, and as part of a send, so a broker that is down
 * at startup delays the first batch instead of failing the manager's start.
 */
final class TopicCheck implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCheck.class);

  private final KafkaSettings settings;
  private final Admin admin;
  private final AtomicBoolean known = new AtomicBoolean();

  TopicCheck(KafkaSettings settings) {
    this.settings = settings;
    this.admin = Admin.create(ProducerProperties.admin(settings));
  }

  Mono<Void> ensure() {
    if (known.get() || !settings.createTopic()) {
      return Mono.empty();
    }
    return listed()
        .flatMap(names -> names.contains(settings.topic()) ? Mono.<Void>empty() : create())
        .timeout(settings.deliveryTimeout())
        .doOnSuccess(ok -> known.set(true));
  }

  private Mono<Set<String>> listed() {
    return fromFuture(() -> admin.listTopics().names());
  }

  private Mono<Void> create() {
    NewTopic topic =
        new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor());
    return fromFuture(() -> admin.createTopics(List.of(topic)).all())
        .doOnSuccess(
            ok ->
                LOG.info(
                    "created topic {} with {} partition(s)",
                    settings.topic(),
                    topic.numPartitions()))
        // Another manager (or an operator) was quicker: the topic is there, which is all we need.
        .onErrorResume(TopicExistsException.class, e -> Mono.empty())
        .then();
  }

  /** Lazily: the admin call is made on subscription, once per attempt. */
  private static <T> Mono<T> fromFuture(Supplier<KafkaFuture<T>> call) {
    return Mono.defer(() -> Mono.fromCompletionStage(call.get().toCompletionStage()));
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
