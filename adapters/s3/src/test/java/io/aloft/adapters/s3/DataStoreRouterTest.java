package io.aloft.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.DataStoreRouter;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
