package io.aloft.application.port.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DataStoreRouterTest {

  private final DataStoreRouter router =
      new DataStoreRouter(new NamedStore("s3"), new NamedStore("gs"));

  @Test
  void givenTwoStores_whenCalled_thenEachSchemeGoesToItsStore() {
    StepVerifier.create(router.get(StorageUri.parse("s3://b/k")).map(String::new))
        .expectNext("s3:s3://b/k")
        .verifyComplete();
    StepVerifier.create(router.get(StorageUri.parse("gs://b/k")).map(String::new))
        .expectNext("gs:gs://b/k")
        .verifyComplete();
    StepVerifier.create(router.head(StorageUri.parse("gs://b/k")).map(i -> i.metadata().get("by")))
        .expectNext("gs")
        .verifyComplete();
    StepVerifier.create(router.list(StorageUri.parse("s3://b/")).map(i -> i.metadata().get("by")))
        .expectNext("s3")
        .verifyComplete();
    assertThat(router.schemes()).containsExactly("gs", "s3");
  }

  @Test
  void givenUnknownScheme_whenCalled_thenInvalidArgumentNamingSupportedSchemes() {
    Mono<Boolean> delete = router.delete(StorageUri.parse("abfs://b/k"));

    StepVerifier.create(delete)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessage("no storage adapter for scheme 'abfs'; supported: gs, s3"))
        .verify();
  }

  @Test
  void givenTwoStoresForOneScheme_whenRouterBuilt_thenRejected() {
    assertThatThrownBy(() -> new DataStoreRouter(new NamedStore("s3"), new NamedStore("s3")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenLocations_whenUriBelowOne_thenRouted() {
    DataStoreRouter limited = limitedRouter();

    StepVerifier.create(limited.get(StorageUri.parse("s3://aloft/metadata/x")).map(String::new))
        .expectNext("s3:s3://aloft/metadata/x")
        .verifyComplete();
    StepVerifier.create(limited.get(StorageUri.parse("file:///srv/data/a/b")).map(String::new))
        .expectNext("file:file:///srv/data/a/b")
        .verifyComplete();
    StepVerifier.create(limited.list(StorageUri.parse("file:///srv/data/")))
        .expectNextCount(1)
        .verifyComplete();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"s3://other/x", "file:///srv/database", "file:///etc/passwd", "gs://aloft/x"})
  void givenLocations_whenUriOutside_thenInvalidArgumentNamingThem(String text) {
    StepVerifier.create(limitedRouter().put(StorageUri.parse(text), new byte[1], PutOptions.none()))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessage(
                        "storage uri '"
                            + text
                            + "' is outside the configured storage locations (s3://aloft,"
                            + " file:///srv/data/); use a path below one of them or configure its"
                            + " location"))
        .verify();
  }

  @Test
  void givenLocations_whenALocationIsChecked_thenOnlyOneInsideThemPasses() {
    StepVerifier.create(limitedRouter().checkLocation(StorageUri.parse("s3://aloft/raw/")))
        .verifyComplete();
    StepVerifier.create(limitedRouter().checkLocation(StorageUri.parse("s3://other/raw/")))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("outside the configured storage locations"))
        .verify();
    StepVerifier.create(limitedRouter().checkLocation(StorageUri.parse("abfs://aloft/raw")))
        .expectError(InvalidArgument.class)
        .verify();
  }

  private static DataStoreRouter limitedRouter() {
    return new DataStoreRouter(
        List.of(new NamedStore("s3"), new NamedStore("file"), new NamedStore("gs")),
        StorageLocations.of(
            List.of(StorageUri.parse("s3://aloft"), StorageUri.parse("file:///srv/data"))));
  }

  /** Answers every call with its own scheme, so a test can see which store was used. */
  private record NamedStore(String scheme) implements DataStore {

    @Override
    public Mono<ObjectInfo> put(StorageUri uri, byte[] bytes, PutOptions options) {
      return Mono.just(info(uri));
    }

    @Override
    public Mono<byte[]> get(StorageUri uri) {
      return Mono.just((scheme + ":" + uri).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Mono<ObjectInfo> putFile(
        StorageUri uri, java.nio.file.Path file, PutOptions options, TransferListener listener) {
      return Mono.just(info(uri));
    }

    @Override
    public Mono<ObjectInfo> getFile(
        StorageUri uri, java.nio.file.Path file, TransferListener listener) {
      return Mono.just(info(uri));
    }

    @Override
    public Mono<ObjectInfo> head(StorageUri uri) {
      return Mono.just(info(uri));
    }

    @Override
    public Mono<Boolean> delete(StorageUri uri) {
      return Mono.just(true);
    }

    @Override
    public Flux<ObjectInfo> list(StorageUri prefix) {
      return Flux.just(info(prefix));
    }

    @Override
    public Set<String> schemes() {
      return Set.of(scheme);
    }

    private ObjectInfo info(StorageUri uri) {
      return new ObjectInfo(uri, 0, null, Instant.EPOCH, Map.of("by", scheme));
    }
  }
}
