package io.aloft.manager.config;

import io.aloft.adapters.postgres.EmbeddedPostgres;
import io.aloft.adapters.postgres.PostgresSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the database: the configured external PostgreSQL, or the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(AloftProperties properties) {
    AloftProperties.Database db = properties.database();
    if (db.external()) {
      return new EmbeddedDatabase(null);
    }
    var dir = properties.home().resolve("postgres");
    log.info("Starting the embedded PostgreSQL in {}", dir);
    return new EmbeddedDatabase(EmbeddedPostgres.start(dir, db.embeddedPort()));
  }

  @Bean
  // A direct dependency on the embedded server, so Spring closes the pools before stopping it.
  PostgresSettings postgresSettings(AloftProperties properties, EmbeddedDatabase embedded) {
    AloftProperties.Database db = properties.database();
    PostgresSettings settings =
        db.external()
            ? new PostgresSettings(
                db.host(),
                db.port(),
                db.name(),
                db.username(),
                db.password(),
                db.jdbcPoolSize(),
                db.r2dbcPoolSize(),
                db.commandTimeout())
            : embedded.server().settings(db.jdbcPoolSize(), db.r2dbcPoolSize());
    log.info("Using PostgreSQL at {}", settings.describe());
    return settings;
  }

  /** Holds the embedded server, if one runs, so that it stops with the context. */
  record EmbeddedDatabase(EmbeddedPostgres server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
