package io.aloft.adapters.postgres;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The adapter on its own, against an embedded PostgreSQL: {@code @SpringBootApplication}'s scan,
 * less the event relay, which the manager imports only with an event stream configured (it needs
 * that stream's publisher).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    excludeFilters = {
      @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
      @ComponentScan.Filter(
          type = FilterType.CUSTOM,
          classes = AutoConfigurationExcludeFilter.class),
      @ComponentScan.Filter(
          type = FilterType.REGEX,
          pattern = "io\\.aloft\\.adapters\\.postgres\\.relay\\..*")
    })
@Import(PostgresAdapterConfiguration.class)
public class PostgresTestApplication {

  @Bean
  PostgresSettings postgresSettings() {
    return TestDatabase.settings();
  }
}
