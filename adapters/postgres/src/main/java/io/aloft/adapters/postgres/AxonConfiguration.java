package io.aloft.adapters.postgres;

import io.aloft.adapters.postgres.eventstore.BoundedAggregateCache;
import io.aloft.adapters.postgres.eventstore.DomainCommandTargetResolver;
import io.aloft.adapters.postgres.projection.ProjectionGroups;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The Axon beans we set ourselves instead of trusting auto-configuration, each for a reason found
 * by a failing test.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * Axon's transaction auto-configuration is ordered after a Spring Boot 3 class that Boot 4 moved,
   * so without this Axon silently runs without transactions: projections would commit statement by
   * statement and a command batch would not be atomic.
   */
  @Bean
  JdbcTransactionManager jdbcTransactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Bean
  TransactionManager axonTransactionManager(JdbcTransactionManager jdbcTransactionManager) {
    return new SpringTransactionManager(jdbcTransactionManager);
  }

  /**
   * PostgreSQL reports a duplicate key as SQLState 23505 inside a BatchUpdateException; Axon's
   * default resolver does not recognise it, and a lost optimistic-lock race would surface as an
   * untyped error instead of a retried ConcurrencyException.
   */
  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return exception -> {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
          return true;
        }
      }
      return false;
    };
  }

  private static boolean isUniqueViolation(SQLException exception) {
    for (SQLException e = exception; e != null; e = e.getNextException()) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replay tokens hold their reset context as a polymorphic Object; Jackson 3 refuses such types
   * unless allowed, which would stop the projection processor after a reset.
   */
  @Bean
  Jackson3SerializerCustomizer allowAxonTokenTypes() {
    return builder ->
        builder.polymorphicTypeValidator(
            BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build());
  }

  /**
   * No correlation metadata on events. Axon's default copies a trace and correlation id from each
   * command into every event's metadata; nothing reads them here (the events carry their own actor
   * and times), and writing and parsing that JSON per event cost a seventh of the projection
   * thread.
   */
  @Bean
  CorrelationDataProvider noCorrelationData() {
    return message -> Map.of();
  }

  @Bean
  DomainCommandTargetResolver domainCommandTargetResolver() {
    return new DomainCommandTargetResolver();
  }

  /** Enough for every action of several large runs; a cold action is simply reloaded. */
  @Bean
  Cache aloftAggregateCache() {
    return new BoundedAggregateCache(100_000);
  }

  @Bean
  ConfigurerModule projectionProcessors() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerSubscribingEventProcessor(ProjectionGroups.CATALOG)
            .registerTrackingEventProcessor(ProjectionGroups.PROJECTIONS)
            // A failing projection must stop and retry, never skip an event (the default logs and
            // moves on, which would silently corrupt the read model).
            .registerListenerInvocationErrorHandler(
                ProjectionGroups.PROJECTIONS, c -> PropagatingErrorHandler.instance())
            .registerListenerInvocationErrorHandler(
                ProjectionGroups.CATALOG, c -> PropagatingErrorHandler.instance())
            .registerTrackingEventProcessorConfiguration(
                ProjectionGroups.PROJECTIONS,
                c ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(200));
  }
}
