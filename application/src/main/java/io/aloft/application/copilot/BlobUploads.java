package io.aloft.application.copilot;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.literal.Blob;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads a blob output: a file to {@code target}, a directory as every file below it to {@code
 * target/<relative path>}, concurrently.
 */
final class BlobUploads {

  private final DataStore store;

  BlobUploads(DataStore store) {
    this.store = store;
  }

  Mono<Literal> upload(OutputFile file, LiteralType.BlobType type, StorageUri target) {
    Dimensionality written = file.isDirectory() ? Dimensionality.MULTIPART : Dimensionality.SINGLE;
    if (written != type.dimensionality()) {
      return Mono.error(mismatch(file, type));
    }
    Mono<Void> upload =
        Transfers.with(
            transfers ->
                file.isDirectory()
                    ? directory(file, target, transfers)
                    : single(file.path(), target, transfers));
    return upload.thenReturn(new Blob(target.toString(), type.format(), written));
  }

  private Mono<Void> single(Path path, StorageUri target, Transfers transfers) {
    return LocalFiles.totalSize(List.of(path))
        .doOnNext(size -> transfers.progress().planned(1, size))
        .then(put(path, target, transfers));
  }

  private Mono<Void> directory(OutputFile file, StorageUri target, Transfers transfers) {
    return LocalFiles.regularFilesBelow(file.path())
        .flatMap(
            files ->
                LocalFiles.totalSize(files)
                    .doOnNext(size -> transfers.progress().planned(files.size(), size))
                    .thenReturn(files))
        .flatMapMany(
            files ->
                files.isEmpty()
                    ? Flux.error(
                        OutputRejected.because(
                            "output "
                                + file.output()
                                + " is the empty directory "
                                + file.path()
                                + "; write at least one file to it"))
                    : Flux.fromIterable(files))
        .flatMap(
            path -> put(path, target.resolve(relativeKey(file.path(), path)), transfers),
            Copilot.PARALLELISM)
        .then();
  }

  /** Streams the file: it is never held whole in memory. */
  private Mono<Void> put(Path path, StorageUri target, Transfers transfers) {
    return transfers
        .transfer(store.putFile(target, path, PutOptions.none(), transfers.progress()::transferred))
        .then();
  }

  /** The path below the directory with "/" separators, whatever the local file system uses. */
  private static String relativeKey(Path directory, Path file) {
    Iterable<Path> names = directory.relativize(file);
    return StreamSupport.stream(names.spliterator(), false)
        .map(Path::toString)
        .collect(Collectors.joining("/"));
  }

  private static OutputRejected mismatch(OutputFile file, LiteralType.BlobType type) {
    String declared =
        type.dimensionality() == Dimensionality.SINGLE
            ? "a file (single blob)"
            : "a directory (multipart blob)";
    String found = file.isDirectory() ? "a directory" : "a file";
    return OutputRejected.because(
        "output "
            + file.output()
            + " is declared as "
            + declared
            + " but "
            + file.path()
            + " is "
            + found);
  }
}
