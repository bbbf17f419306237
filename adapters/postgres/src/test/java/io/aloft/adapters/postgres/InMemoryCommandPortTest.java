package io.aloft.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.command.CommandPort;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The command-port contract against the same adapter with Axon's in-memory storage engine in place
 * of the JDBC one. Everything else is unchanged; the projections and token store use a database of
 * their own, so this application's event positions never mix with the JDBC application's.
 */
@SpringBootTest(classes = InMemoryCommandPortTest.InMemoryApplication.class)
class InMemoryCommandPortTest extends CommandPortContract {

  @Autowired CommandPort commands;
  @Autowired EventStore eventStore;
  @Autowired EventStorageEngine engine;

  @Override
  public CommandPort commands() {
    return commands;
  }

  @Override
  public EventStore eventStore() {
    return eventStore;
  }

  @Test
  void givenTheInMemoryAdapter_WhenWired_ThenEventsAreStoredInMemory() {
    assertThat(engine).isInstanceOf(InMemoryEventStorageEngine.class);
  }

  /** Nested in a test class, so the JDBC test application's component scan skips it. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(PostgresAdapterConfiguration.class)
  static class InMemoryApplication {

    private static final String DATABASE = "aloft_in_memory";

    @Bean
    PostgresSettings postgresSettings() {
      PostgresSettings shared = TestDatabase.settings();
      createDatabaseOnce(shared);
      return new PostgresSettings(
          shared.host(),
          shared.port(),
          DATABASE,
          shared.username(),
          shared.password(),
          shared.jdbcPoolSize(),
          shared.r2dbcPoolSize(),
          shared.commandTimeout());
    }

    /** Replaces the JDBC engine: Axon's auto-configuration backs off when one is defined. */
    @Bean
    EventStorageEngine inMemoryEventStorageEngine() {
      return new InMemoryEventStorageEngine();
    }

    private static void createDatabaseOnce(PostgresSettings shared) {
      try (var connection =
              DriverManager.getConnection(shared.jdbcUrl(), shared.username(), shared.password());
          var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, DATABASE);
        try (var rows = exists.executeQuery()) {
          if (!rows.next()) {
            connection.createStatement().execute("CREATE DATABASE " + DATABASE);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the test database " + DATABASE, e);
      }
    }
  }
}
