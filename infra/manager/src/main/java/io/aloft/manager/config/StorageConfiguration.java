package io.aloft.manager.config;

import io.aloft.adapters.local.storage.FileDataStore;
import io.aloft.adapters.s3.EmbeddedS3Server;
import io.aloft.adapters.s3.S3DataStore;
import io.aloft.adapters.s3.S3Settings;
import io.aloft.adapters.s3.S3UrlSigner;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.DataStoreRouter;
import io.aloft.application.port.storage.StorageLocations;
import io.aloft.application.port.storage.StorageUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Chooses object storage: the configured S3 endpoint, or an in-process S3 server on a local
 * directory, so one S3 code path serves both modes; plus {@code file://} paths below the configured
 * roots.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);
  // Only for the loopback-bound embedded server, which holds nothing outside $ALOFT_HOME.
  private static final String EMBEDDED_ACCESS_KEY = "aloft";
  private static final String EMBEDDED_SECRET_KEY = "aloft-embedded-secret";

  @Bean(destroyMethod = "close")
  EmbeddedStorage embeddedStorage(AloftProperties properties) {
    AloftProperties.Storage storage = properties.storage();
    if (storage.external()) {
      return new EmbeddedStorage(null);
    }
    var dir = properties.home().resolve("s3");
    createBucketDirectory(dir, storage.bucket());
    EmbeddedS3Server server =
        new EmbeddedS3Server(dir, storage.embeddedPort(), EMBEDDED_ACCESS_KEY, EMBEDDED_SECRET_KEY);
    log.info("Started the embedded S3 server at {} on {}", server.start(), dir);
    return new EmbeddedStorage(server);
  }

  @Bean(destroyMethod = "close")
  S3DataStore s3DataStore(AloftProperties properties, EmbeddedStorage embedded) {
    return new S3DataStore(s3Settings(properties, embedded));
  }

  /** Signs upload and download URLs for the same store, with the same credentials. */
  @Bean(destroyMethod = "close")
  S3UrlSigner s3UrlSigner(AloftProperties properties, EmbeddedStorage embedded) {
    return new S3UrlSigner(s3Settings(properties, embedded));
  }

  private static S3Settings s3Settings(AloftProperties properties, EmbeddedStorage embedded) {
    AloftProperties.Storage storage = properties.storage();
    S3Settings settings =
        embedded.server() != null
            ? embedded.server().clientSettings()
            : new S3Settings(
                URI.create(storage.endpoint()),
                storage.region(),
                storage.accessKey(),
                storage.secretKey(),
                true,
                null,
                0,
                storage.bucket());
    return settings.withBucket(storage.bucket());
  }

  /** The filesystem store keeps each bucket as a top-level directory: creating it creates it. */
  private static void createBucketDirectory(Path root, String bucket) {
    try {
      Files.createDirectories(root.resolve(bucket));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the embedded S3 bucket in " + root, e);
    }
  }

  /** Local paths below aloft.storage.file-roots; creates the roots at startup. */
  @Bean
  FileDataStore fileDataStore(AloftProperties properties) {
    List<Path> roots = properties.fileRoots().stream().map(Path::toAbsolutePath).toList();
    log.info("File storage (file://) roots: {}", roots);
    return new FileDataStore(roots);
  }

  /**
   * What the use cases see: every storage adapter, chosen by the URI's scheme, limited to the
   * configured buckets and file roots.
   */
  @Bean
  @Primary
  DataStore dataStore(S3DataStore s3, FileDataStore files, AloftProperties properties) {
    return new DataStoreRouter(List.of(s3, files), locations(properties));
  }

  private static StorageLocations locations(AloftProperties properties) {
    List<StorageUri> prefixes = new ArrayList<>();
    prefixes.add(new StorageUri(S3DataStore.SCHEME, properties.storage().bucket(), ""));
    properties
        .storage()
        .buckets()
        .forEach(b -> prefixes.add(new StorageUri(S3DataStore.SCHEME, b, "")));
    for (Path root : properties.fileRoots()) {
      String key = root.toAbsolutePath().normalize().toString().substring(1);
      prefixes.add(new StorageUri(FileDataStore.SCHEME, "", key));
    }
    return StorageLocations.of(prefixes);
  }

  /** Holds the embedded server, if one runs, so that it stops with the context. */
  record EmbeddedStorage(EmbeddedS3Server server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
