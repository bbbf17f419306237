package io.aloft.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server the manager runs itself (zonky's embedded binaries) when no external database
 * is configured. Its data directory survives restarts, so the embedded mode keeps its history.
 * Startup code: it blocks while the server boots.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts (or restarts on existing data in) {@code dataDirectory}; port 0 picks a free one. */
  public static EmbeddedPostgres start(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      StalePostmaster.stopIfRunning(dataDirectory);
      var builder =
          io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              // The owner stops it (the manager's context, after its pools): zonky's own hook
              // would stop it first, under open connections.
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              // zonky tunes for throwaway test databases; this one is the source of truth, so
              // every acknowledged commit must survive a crash.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on");
      if (port > 0) {
        builder.setPort(port);
      }
      var server = builder.start();
      StaleTokenClaims.release(server.getPostgresDatabase());
      return new EmbeddedPostgres(server);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  public PostgresSettings settings(int jdbcPoolSize, int r2dbcPoolSize) {
    return new PostgresSettings(
        "localhost",
        server.getPort(),
        "postgres",
        "postgres",
        "",
        jdbcPoolSize,
        r2dbcPoolSize,
        null);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
