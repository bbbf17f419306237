package io.aloft.adapters.postgres;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The adapter on its own, against an embedded PostgreSQL. */
@SpringBootApplication
@Import(PostgresAdapterConfiguration.class)
public class PostgresTestApplication {

  @Bean
  PostgresSettings postgresSettings() {
    return TestDatabase.settings();
  }
}
