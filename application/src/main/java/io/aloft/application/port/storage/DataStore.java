package io.aloft.application.port.storage;

import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An object store (S3 and the like) for task inputs, outputs and code bundles.
 *
 * <p>Errors: a malformed request is {@code InvalidArgument}; a missing bucket is {@code
 * FailedPrecondition} ("bucket 'x' does not exist; create it or set aloft.storage.bucket"); when
 * the store itself fails (timeouts, 5xx, connection refused after retries, circuit open) the error
 * is {@code Unavailable}, with a message naming the operation and the uri. All methods are lazy:
 * nothing happens until subscription.
 */
public interface DataStore {

  /** Writes (or overwrites) the object; the MD5 is recorded in its metadata. */
  Mono<ObjectInfo> put(StorageUri uri, byte[] bytes, PutOptions options);

  /** The object's bytes; empty when the object does not exist. */
  Mono<byte[]> get(StorageUri uri);

  /** The object's size, MD5 and metadata; empty when the object does not exist. */
  Mono<ObjectInfo> head(StorageUri uri);

  /** Deletes the object: true if something was deleted, or if the store cannot tell. */
  Mono<Boolean> delete(StorageUri uri);

  /**
   * Every object whose key starts with the prefix's key (a plain string prefix: end it with "/" for
   * a directory), in key order, paging transparently. Listings carry no metadata or MD5.
   */
  Flux<ObjectInfo> list(StorageUri prefix);

  /**
   * Completes when this store may read and write below {@code location}, else fails with {@code
   * InvalidArgument} naming why; used to refuse a location before anything is stored there. A
   * single store allows every uri of its schemes.
   */
  default Mono<Void> checkLocation(StorageUri location) {
    return schemes().contains(location.scheme())
        ? Mono.empty()
        : Mono.error(
            new io.aloft.domain.error.InvalidArgument(
                "no storage adapter for scheme '"
                    + location.scheme()
                    + "'; supported: "
                    + String.join(", ", schemes())));
  }

  /** The uri schemes this store serves, e.g. {@code {"s3"}}. */
  Set<String> schemes();
}
