package io.aloft.application.copilot;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.literal.Blob;
import java.nio.file.Path;
import java.util.List;
import reactor.core.publisher.Flux;
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

  /** The blob's size is unknown until it arrives, so it is planned as zero bytes. */
  Mono<Void> single(Blob blob, Path file) {
    return Mono.fromCallable(() -> StorageUri.parse(blob.uri()))
        .flatMap(
            uri ->
                Transfers.with(
                    transfers -> {
                      transfers.progress().planned(1, 0);
                      return fetch(uri, file, transfers)
                          .switchIfEmpty(
                              Mono.error(() -> new NotFound("blob " + uri + " does not exist")));
                    }))
        .then();
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
                    .collectList()
                    .flatMap(objects -> parts(objects, prefix, directory)));
  }

  private Mono<Void> parts(List<ObjectInfo> objects, StorageUri prefix, Path directory) {
    return Transfers.with(
        transfers -> {
          long bytes = objects.stream().mapToLong(ObjectInfo::sizeBytes).sum();
          transfers.progress().planned(objects.size(), bytes);
          return Flux.fromIterable(objects)
              .flatMap(object -> part(object, prefix, directory, transfers), Copilot.PARALLELISM)
              .then();
        });
  }

  private Mono<ObjectInfo> part(
      ObjectInfo object, StorageUri prefix, Path directory, Transfers transfers) {
    return Mono.fromCallable(() -> localPath(object.uri(), prefix, directory))
        .flatMap(
            file ->
                fetch(object.uri(), file, transfers)
                    .switchIfEmpty(
                        Mono.error(
                            () -> new NotFound("blob part " + object.uri() + " disappeared"))));
  }

  /** Streams the object into the file, verified: it is never held whole in memory. */
  private Mono<ObjectInfo> fetch(StorageUri uri, Path file, Transfers transfers) {
    return transfers.transfer(store.getFile(uri, file, transfers.progress()::transferred));
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
