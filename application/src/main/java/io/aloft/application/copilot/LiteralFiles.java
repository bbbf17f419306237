package io.aloft.application.copilot;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Binary;
import io.aloft.domain.literal.Blob;
import io.aloft.domain.literal.Dimensionality;
import io.aloft.domain.literal.ErrorValue;
import io.aloft.domain.literal.Generic;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralCollection;
import io.aloft.domain.literal.LiteralMap;
import io.aloft.domain.literal.NoneValue;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.Union;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes one (resolved) literal at a local path: scalars as files, blobs as files or directories,
 * collections as directories of numbered entries, maps as directories by key. Each write returns
 * the literal as it is now found locally, blobs pointing at their local paths.
 */
final class LiteralFiles {

  private final BlobDownloads blobs;

  LiteralFiles(BlobDownloads blobs) {
    this.blobs = blobs;
  }

  Mono<Literal> write(Literal literal, Path path) {
    return switch (literal) {
      case Primitive primitive -> text(path, PrimitiveText.format(primitive), literal);
      case Binary binary -> bytes(path, binary.value(), literal);
      case ErrorValue error -> text(path, error.message(), literal);
      case Generic generic -> text(path, generic.json(), literal);
      case NoneValue none -> text(path, "null", literal);
      case Blob blob -> blob(blob, path);
      case Union union ->
          write(union.value(), path).map(local -> new Union(local, union.typeTag()));
      case LiteralCollection collection -> collection(collection.literals(), path);
      case LiteralMap map -> map(map.literals(), path);
      case OffloadedLiteral offloaded ->
          // OffloadedLiterals resolves every one before anything is written.
          Mono.error(new IllegalStateException("unresolved offloaded literal " + offloaded.uri()));
    };
  }

  private Mono<Literal> blob(Blob blob, Path path) {
    Blob local = new Blob(path.toAbsolutePath().toString(), blob.format(), blob.dimensionality());
    Mono<Void> download =
        blob.dimensionality() == Dimensionality.SINGLE
            ? blobs.single(blob, path)
            : blobs.multipart(blob, path);
    return download.thenReturn(local);
  }

  private Mono<Literal> collection(List<Literal> elements, Path directory) {
    return LocalFiles.createDirectories(directory)
        .thenMany(
            Flux.range(0, elements.size())
                .flatMapSequential(
                    i -> write(elements.get(i), directory.resolve(Integer.toString(i))),
                    Copilot.PARALLELISM))
        .collectList()
        .map(LiteralCollection::new);
  }

  private Mono<Literal> map(Map<String, Literal> entries, Path directory) {
    return LocalFiles.createDirectories(directory)
        .thenMany(
            Flux.fromIterable(entries.entrySet())
                .flatMapSequential(
                    entry ->
                        write(entry.getValue(), entryPath(directory, entry.getKey()))
                            .map(local -> Map.entry(entry.getKey(), local)),
                    Copilot.PARALLELISM))
        .collect(LinkedHashMap<String, Literal>::new, (m, e) -> m.put(e.getKey(), e.getValue()))
        .map(LiteralMap::new);
  }

  private static Path entryPath(Path directory, String key) {
    if (!FileNames.isPlainSegment(key)) {
      throw new InvalidArgument(
          "map key '" + key + "' under " + directory + " cannot be used as a file name");
    }
    return directory.resolve(key);
  }

  private static Mono<Literal> text(Path file, String text, Literal literal) {
    return bytes(file, text.getBytes(StandardCharsets.UTF_8), literal);
  }

  private static Mono<Literal> bytes(Path file, byte[] bytes, Literal literal) {
    return LocalFiles.write(file, bytes).thenReturn(literal);
  }
}
