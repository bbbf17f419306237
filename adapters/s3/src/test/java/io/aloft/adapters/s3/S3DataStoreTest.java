package io.aloft.adapters.s3;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.DataStoreContract;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * The {@link DataStoreContract} against {@link S3DataStore} on an in-JVM s3proxy. Listings use
 * pages of {@value #PAGE_SIZE} keys, so the paging test needs only a few hundred objects (1,100
 * objects in pages of 1,000 took 8 to 13 s on a loaded 2-CPU machine).
 */
class S3DataStoreTest extends DataStoreContract {

  private static final String BUCKET = "contract";
  private static final int PAGE_SIZE = 100;

  @TempDir static Path directory;
  private static EmbeddedS3Server server;
  private static S3DataStore store;
  private static final StorageUri BASE =
      new StorageUri("s3", BUCKET, "contract-" + UUID.randomUUID() + "/");

  @BeforeAll
  static void startServer() {
    server = new EmbeddedS3Server(directory, 0, "test-access", "test-secret");
    server.start();
    store = new S3DataStore(server.clientSettings(), Clock.systemUTC(), PAGE_SIZE);
    StepVerifier.create(store.ensureBucket(BUCKET)).expectComplete().verify(TIMEOUT);
  }

  @AfterAll
  static void stopServer() {
    store.close();
    server.close();
  }

  @Override
  protected DataStore store() {
    return store;
  }

  @Override
  protected StorageUri base() {
    return BASE;
  }

  @Override
  protected Path storedFile(StorageUri uri) {
    return directory.resolve(uri.bucket()).resolve(uri.key());
  }

  @Override
  protected int objectsForPagingTest() {
    return 2 * PAGE_SIZE + 50;
  }

  @Test
  void givenExistingBucket_whenEnsureBucketAgain_thenCompletes() {
    StepVerifier.create(store.ensureBucket(BUCKET)).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenOtherScheme_whenGet_thenInvalidArgument() {
    StepVerifier.create(store.get(StorageUri.parse("gs://b/k")))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
  }

  @Test
  void givenBucketOnlyUri_whenPut_thenInvalidArgument() {
    StepVerifier.create(
            store.put(StorageUri.parse("s3://" + BUCKET), new byte[1], PutOptions.none()))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
  }
}
