package io.aloft.adapters.postgres.relay;

import io.aloft.application.publish.EventRelay;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The relay processor: imported only when an event stream is configured (the manager decides), so
 * without one no relay runs and no token is kept. Needs an {@link EventRelay} bean.
 */
@Configuration(proxyBeanMethods = false)
public class EventRelayConfiguration {

  /** Events per processor batch, hence per send to the stream. */
  static final int BATCH_SIZE = 100;

  @Bean
  StoredEventRelay storedEventRelay(EventRelay relay) {
    return new StoredEventRelay(relay);
  }

  @Bean
  ConfigurerModule eventRelayProcessor() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerTrackingEventProcessor(RelayGroup.NAME)
            // A failed send must stop and retry the batch, never skip it.
            .registerListenerInvocationErrorHandler(
                RelayGroup.NAME, c -> PropagatingErrorHandler.instance())
            .registerTrackingEventProcessorConfiguration(
                RelayGroup.NAME,
                c ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(BATCH_SIZE)
                        // Every event ever stored is published, the first start included.
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
  }
}
