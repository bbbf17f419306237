package io.aloft.manager.config;

import io.aloft.adapters.connect.mapping.StoredActionEventEncoder;
import io.aloft.adapters.kafka.KafkaEventPublisher;
import io.aloft.adapters.kafka.KafkaSettings;
import io.aloft.adapters.postgres.relay.EventRelayConfiguration;
import io.aloft.application.publish.EventRelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The event stream, only when {@code aloft.kafka.bootstrap-servers} is set: the relay processor
 * (its own tracking token) publishing every stored event to Kafka. Without it nothing here exists
 * and the manager keeps its in-process change feed only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aloft.kafka.bootstrap-servers")
@Import(EventRelayConfiguration.class)
class EventStreamConfiguration {

  @Bean(destroyMethod = "close")
  KafkaEventPublisher kafkaEventPublisher(AloftProperties properties) {
    return new KafkaEventPublisher(settings(properties.kafka()));
  }

  @Bean
  EventRelay eventRelay(KafkaEventPublisher publisher) {
    return new EventRelay(new StoredActionEventEncoder(), publisher);
  }

  static KafkaSettings settings(AloftProperties.Kafka kafka) {
    return new KafkaSettings(
        kafka.bootstrapServers(),
        kafka.topic(),
        kafka.clientId(),
        kafka.createTopic(),
        kafka.partitions(),
        kafka.replicationFactor(),
        kafka.requestTimeout(),
        kafka.deliveryTimeout(),
        new KafkaSettings.Backoff(kafka.initialBackoff(), kafka.maxBackoff(), kafka.maxAttempts()));
  }
}
