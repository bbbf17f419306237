package io.aloft.adapters.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how hard to use it. The same settings feed the JDBC pool (Axon's event
 * store, projections, Flyway) and the R2DBC pool (every query on a request path).
 */
public record PostgresSettings(
    String host,
    int port,
    String database,
    String username,
    String password,
    int jdbcPoolSize,
    int r2dbcPoolSize,
    Duration commandTimeout) {

  public PostgresSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(username, "username");
    password = password == null ? "" : password;
    commandTimeout = commandTimeout == null ? Duration.ofSeconds(30) : commandTimeout;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** The URL with the password left out, for logs. */
  public String describe() {
    return username + "@" + host + ":" + port + "/" + database;
  }
}
