package io.aloft.application.port.storage;

import io.aloft.domain.error.InvalidArgument;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link DataStore} that sends each call to the store registered for the uri's scheme. An unknown
 * scheme is an {@link InvalidArgument} naming the supported ones, and so is a uri outside the
 * allowed {@link StorageLocations} (say, a blob in a bucket Aloft was not configured with).
 */
public final class DataStoreRouter implements DataStore {

  private final Map<String, DataStore> byScheme;
  private final Set<String> schemes;
  private final StorageLocations locations;

  /**
   * @throws IllegalArgumentException when two stores claim the same scheme
   */
  public DataStoreRouter(Collection<? extends DataStore> stores, StorageLocations locations) {
    Map<String, DataStore> map = new LinkedHashMap<>();
    for (DataStore store : stores) {
      for (String scheme : store.schemes()) {
        if (map.putIfAbsent(scheme, store) != null) {
          throw new IllegalArgumentException("two storage adapters for scheme '" + scheme + "'");
        }
      }
    }
    this.byScheme = Map.copyOf(map);
    this.schemes = Collections.unmodifiableSet(new TreeSet<>(map.keySet()));
    this.locations = locations;
  }

  /** A router that allows every uri of the stores' schemes. */
  public DataStoreRouter(Collection<? extends DataStore> stores) {
    this(stores, StorageLocations.anywhere());
  }

  public DataStoreRouter(DataStore... stores) {
    this(List.of(stores));
  }

  @Override
  public Mono<ObjectInfo> put(StorageUri uri, byte[] bytes, PutOptions options) {
    return route(uri).flatMap(store -> store.put(uri, bytes, options));
  }

  @Override
  public Mono<byte[]> get(StorageUri uri) {
    return route(uri).flatMap(store -> store.get(uri));
  }

  @Override
  public Mono<ObjectInfo> putFile(
      StorageUri uri, Path file, PutOptions options, TransferListener listener) {
    return route(uri).flatMap(store -> store.putFile(uri, file, options, listener));
  }

  @Override
  public Mono<ObjectInfo> getFile(StorageUri uri, Path file, TransferListener listener) {
    return route(uri).flatMap(store -> store.getFile(uri, file, listener));
  }

  @Override
  public Mono<ObjectInfo> head(StorageUri uri) {
    return route(uri).flatMap(store -> store.head(uri));
  }

  @Override
  public Mono<Boolean> delete(StorageUri uri) {
    return route(uri).flatMap(store -> store.delete(uri));
  }

  @Override
  public Flux<ObjectInfo> list(StorageUri prefix) {
    return route(prefix).flatMapMany(store -> store.list(prefix));
  }

  /** Refuses a location of no store's scheme or outside the configured storage locations. */
  @Override
  public Mono<Void> checkLocation(StorageUri location) {
    return route(location).then();
  }

  @Override
  public Set<String> schemes() {
    return schemes;
  }

  private Mono<DataStore> route(StorageUri uri) {
    return Mono.defer(
        () -> {
          DataStore store = byScheme.get(uri.scheme());
          if (store == null) {
            return Mono.error(
                new InvalidArgument(
                    "no storage adapter for scheme '"
                        + uri.scheme()
                        + "'; supported: "
                        + String.join(", ", schemes)));
          }
          if (!locations.allows(uri)) {
            return Mono.error(
                new InvalidArgument(
                    "storage uri '"
                        + uri
                        + "' is outside the configured storage locations ("
                        + locations
                        + "); use a path below one of them or configure its location"));
          }
          return Mono.just(store);
        });
  }
}
