package io.aloft.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class EmbeddedS3ServerTest {

  private static final Duration VERIFY = Duration.ofSeconds(20);

  @TempDir Path directory;

  @Test
  void givenPortZero_whenStarted_thenListensOnFreePortAndKeepsDataAcrossRestarts() {
    Path data = directory.resolve("s3");
    StorageUri uri = StorageUri.parse("s3://aloft/kept.txt");
    byte[] bytes = "kept".getBytes(StandardCharsets.UTF_8);

    try (EmbeddedS3Server server = new EmbeddedS3Server(data, 0, "a", "s");
        S3DataStore store = new S3DataStore(started(server).clientSettings())) {
      assertThat(server.start()).isEqualTo(server.endpoint());
      StepVerifier.create(
              store.ensureBucket("aloft").then(store.put(uri, bytes, PutOptions.none())))
          .expectNextCount(1)
          .verifyComplete();
    }
    assertThat(Files.isDirectory(data.resolve("aloft"))).isTrue();

    try (EmbeddedS3Server server = new EmbeddedS3Server(data, 0, "a", "s");
        S3DataStore store = new S3DataStore(started(server).clientSettings())) {
      StepVerifier.create(store.get(uri).map(String::new))
          .expectNext("kept")
          .expectComplete()
          .verify(VERIFY);
    }
  }

  private static EmbeddedS3Server started(EmbeddedS3Server server) {
    URI endpoint = server.start();
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint.getPort()).isPositive();
    return server;
  }
}
