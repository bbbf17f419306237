package io.aloft.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.Unavailable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** How {@link S3DataStore} fails: unreachable or silent stores, missing buckets, bad secrets. */
class S3DataStoreFailureTest {

  private static final Duration VERIFY = Duration.ofSeconds(20);
  private static final String SECRET = "failure-secret";
  private static final StorageUri URI_IN_BUCKET = StorageUri.parse("s3://aloft/runs/r1/out.pb");

  @TempDir static Path directory;
  private static EmbeddedS3Server server;
  private static S3DataStore store;

  @BeforeAll
  static void startServer() {
    server = new EmbeddedS3Server(directory, 0, "failure-access", SECRET);
    server.start();
    store = new S3DataStore(server.clientSettings());
  }

  @AfterAll
  static void stopServer() {
    store.close();
    server.close();
  }

  @Test
  void givenClosedPort_whenGet_thenUnavailableAfterThreeAttempts() throws IOException {
    try (S3DataStore store = new S3DataStore(settingsFor(closedPort(), Duration.ofSeconds(2)))) {

      StepVerifier.create(store.get(URI_IN_BUCKET))
          .expectErrorSatisfies(
              e -> {
                assertThat(e)
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("get of " + URI_IN_BUCKET)
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageNotContaining(SECRET);
              })
          .verify(VERIFY);
      assertThat(store.calls().retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt())
          .isEqualTo(1);
    }
  }

  @Test
  void givenServerThatNeverAnswers_whenHead_thenUnavailableWithinTimeouts() throws IOException {
    try (ServerSocket silent = new ServerSocket(0);
        S3DataStore store =
            new S3DataStore(settingsFor(silent.getLocalPort(), Duration.ofMillis(300)))) {

      StepVerifier.create(store.head(URI_IN_BUCKET))
          .expectErrorSatisfies(
              e ->
                  assertThat(e)
                      .isInstanceOf(Unavailable.class)
                      .hasMessageContaining("head of " + URI_IN_BUCKET))
          .verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void givenRepeatedOutages_whenCalledAgain_thenCircuitOpenFailsFast() throws IOException {
    try (S3DataStore store = new S3DataStore(settingsFor(closedPort(), Duration.ofSeconds(2)))) {
      for (int i = 0; i < 4; i++) {
        StepVerifier.create(store.list(URI_IN_BUCKET))
            .expectError(Unavailable.class)
            .verify(VERIFY);
      }

      assertThat(store.calls().circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
      StepVerifier.create(store.delete(URI_IN_BUCKET))
          .expectErrorSatisfies(
              e ->
                  assertThat(e)
                      .isInstanceOf(Unavailable.class)
                      .hasMessageContaining("delete of " + URI_IN_BUCKET)
                      .hasMessageContaining("circuit breaker is open"))
          .verify(VERIFY);
    }
  }

  @Test
  void givenMissingBucket_whenPutGetList_thenFailedPrecondition() {
    // Real S3 also answers DELETE with NoSuchBucket (mapped the same way); s3proxy answers 204.
    StorageUri uri = StorageUri.parse("s3://no-such-bucket/a/b");
    String message =
        "bucket 'no-such-bucket' does not exist; create it or set aloft.storage.bucket";

    StepVerifier.create(store.put(uri, new byte[] {1}, PutOptions.none()))
        .expectErrorSatisfies(e -> assertFailedPrecondition(e, message))
        .verify(VERIFY);
    StepVerifier.create(store.get(uri))
        .expectErrorSatisfies(e -> assertFailedPrecondition(e, message))
        .verify(VERIFY);
    StepVerifier.create(store.list(uri))
        .expectErrorSatisfies(e -> assertFailedPrecondition(e, message))
        .verify(VERIFY);
  }

  @Test
  void givenMissingBucket_whenHead_thenEmptyBecauseHeadAnswersCarryNoErrorCode() {
    StepVerifier.create(store.head(StorageUri.parse("s3://no-such-bucket/a/b")))
        .expectComplete()
        .verify(VERIFY);
  }

  @Test
  void givenTooShortBucketName_whenEnsureBucket_thenInvalidArgument() {
    StepVerifier.create(store.ensureBucket("b"))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("bucket of s3://b is invalid")
                    .hasMessageContaining("3 and 63 characters"))
        .verify(VERIFY);
  }

  @Test
  void givenWrongSecret_whenPut_thenFailedPreconditionWithoutSecret() {
    S3Settings wrong = server.clientSettings().withCredentials("failure-access", "not-the-secret");
    try (S3DataStore wrongStore = new S3DataStore(wrong)) {

      StepVerifier.create(wrongStore.ensureBucket("aloft"))
          .expectErrorSatisfies(
              e ->
                  assertThat(e)
                      .isInstanceOf(FailedPrecondition.class)
                      .hasMessageContaining("denied")
                      .hasMessageNotContaining("not-the-secret"))
          .verify(VERIFY);
    }
  }

  @Test
  void givenSettings_whenPrinted_thenSecretMasked() {
    assertThat(server.clientSettings().toString())
        .contains("failure-access")
        .doesNotContain(SECRET);
  }

  private static void assertFailedPrecondition(Throwable e, String message) {
    assertThat(e).isInstanceOf(FailedPrecondition.class).hasMessage(message);
  }

  private static S3Settings settingsFor(int port, Duration timeout) {
    return S3Settings.local(URI.create("http://127.0.0.1:" + port), "failure-access", SECRET)
        .withOperationTimeout(timeout);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
