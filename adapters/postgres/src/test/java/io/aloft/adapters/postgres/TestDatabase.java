package io.aloft.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One embedded PostgreSQL per test JVM, in a fresh temporary directory. */
public final class TestDatabase {

  private static EmbeddedPostgres server;

  private TestDatabase() {}

  public static synchronized PostgresSettings settings() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start(Files.createTempDirectory("aloft-pg-test"), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server.settings(8, 8);
  }
}
