package io.aloft.application.copilot;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.literal.Blob;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralType;
import java.nio.file.Path;
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
    Mono<Void> upload = file.isDirectory() ? directory(file, target) : put(file.path(), target);
    return upload.thenReturn(new Blob(target.toString(), type.format(), written));
  }

  private Mono<Void> directory(OutputFile file, StorageUri target) {
    return LocalFiles.regularFilesBelow(file.path())
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
            path -> put(path, target.resolve(relativeKey(file.path(), path))), Copilot.PARALLELISM)
        .then();
  }

  private Mono<Void> put(Path path, StorageUri target) {
    return LocalFiles.read(path)
        .flatMap(bytes -> store.put(target, bytes, PutOptions.none()))
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
