package io.aloft.adapters.postgres;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;

/** R2DBC connections to the configured database. */
public final class PostgresConnections {

  private PostgresConnections() {}

  /**
   * Not pooled: for the pool itself, and for connections held for a purpose (LISTEN, an advisory
   * lock) that a pool would validate, recycle or hand to someone else.
   */
  public static PostgresqlConnectionFactory unpooled(PostgresSettings settings) {
    return new PostgresqlConnectionFactory(
        PostgresqlConnectionConfiguration.builder()
            .host(settings.host())
            .port(settings.port())
            .database(settings.database())
            .username(settings.username())
            .password(settings.password())
            .connectTimeout(Duration.ofSeconds(10))
            // Binary results: decoding timestamps and numbers from text cost a tenth of the
            // R2DBC threads' time on the execution path.
            .forceBinary(true)
            .build());
  }
}
