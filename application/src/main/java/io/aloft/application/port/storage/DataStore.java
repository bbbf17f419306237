package io.aloft.application.port.storage;

import java.nio.file.Path;
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

  /**
   * Streams {@code file} to the object (never holding it whole in memory), reporting bytes to
   * {@code listener} as they are sent. The whole file's MD5 is recorded in the metadata; the store
   * verifies it where it can (S3 checks Content-MD5 of single-part uploads). A {@code
   * contentMd5Base64} in the options must match the file, or the put is an {@code InvalidArgument}.
   */
  Mono<ObjectInfo> putFile(
      StorageUri uri, Path file, PutOptions options, TransferListener listener);

  /** {@link #putFile(StorageUri, Path, PutOptions, TransferListener)} without progress. */
  default Mono<ObjectInfo> putFile(StorageUri uri, Path file, PutOptions options) {
    return putFile(uri, file, options, TransferListener.NONE);
  }

  /**
   * Streams the object into {@code file} (creating its directory), reporting bytes to {@code
   * listener}: the bytes go to a temporary file next to it and are renamed into place only once
   * their MD5 (when one was recorded) and size match, so a partial file never appears. A mismatch
   * is retried, then is a {@code FailedPrecondition} naming the object. Empty when the object does
   * not exist (and {@code file} is left alone).
   */
  Mono<ObjectInfo> getFile(StorageUri uri, Path file, TransferListener listener);

  /** {@link #getFile(StorageUri, Path, TransferListener)} without progress. */
  default Mono<ObjectInfo> getFile(StorageUri uri, Path file) {
    return getFile(uri, file, TransferListener.NONE);
  }

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
