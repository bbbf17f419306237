package io.aloft.application.copilot;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.literal.Blob;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * Blobs into local files: a single blob is one object, a multipart blob every object under its
 * prefix, fetched concurrently, at the same relative paths.
 */
final class BlobDownloads {

  private final DataStore store;

  BlobDownloads(DataStore store) {
    this.store = store;
  }

  Mono<Void> single(Blob blob, Path file) {
    return Mono.fromCallable(() -> StorageUri.parse(blob.uri()))
        .flatMap(
            uri ->
                store
                    .get(uri)
                    .switchIfEmpty(
                        Mono.error(() -> new NotFound("blob " + uri + " does not exist")))
                    .flatMap(bytes -> LocalFiles.write(file, bytes)));
  }

  Mono<Void> multipart(Blob blob, Path directory) {
    return Mono.fromCallable(() -> directoryPrefix(StorageUri.parse(blob.uri())))
        .flatMap(
            prefix ->
                LocalFiles.createDirectories(directory)
                    .thenMany(store.list(prefix))
                    // Keys ending in "/" are directory markers some tools create: no content.
                    .filter(object -> !object.uri().key().endsWith("/"))
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                new NotFound(
                                    "multipart blob "
                                        + blob.uri()
                                        + " has no objects under it; the directory is empty or"
                                        + " was never uploaded")))
                    .flatMap(object -> part(object, prefix, directory), Copilot.PARALLELISM)
                    .then());
  }

  private Mono<Void> part(ObjectInfo object, StorageUri prefix, Path directory) {
    return Mono.fromCallable(() -> localPath(object.uri(), prefix, directory))
        .flatMap(
            file ->
                store
                    .get(object.uri())
                    .switchIfEmpty(
                        Mono.error(
                            () -> new NotFound("blob part " + object.uri() + " disappeared")))
                    .flatMap(bytes -> LocalFiles.write(file, bytes)));
  }

  /** A prefix that ends in "/", so that blob {@code a/x} does not take in {@code a/xy/...}. */
  private static StorageUri directoryPrefix(StorageUri uri) {
    return uri.key().isEmpty() || uri.key().endsWith("/")
        ? uri
        : new StorageUri(uri.scheme(), uri.bucket(), uri.key() + "/");
  }

  private static Path localPath(StorageUri object, StorageUri prefix, Path directory) {
    String relative = object.key().substring(prefix.key().length());
    Path file = directory.resolve(relative).normalize();
    if (!file.startsWith(directory.normalize()) || file.equals(directory.normalize())) {
      throw new InvalidArgument(
          "blob part " + object + " would be written outside " + directory + "; rename it");
    }
    return file;
  }
}
