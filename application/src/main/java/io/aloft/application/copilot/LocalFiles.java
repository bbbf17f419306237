package io.aloft.application.copilot;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The local file operations of the copilot. Each one blocks, so each runs on the bounded elastic
 * scheduler and never on the thread that subscribes (often a storage client's event loop).
 */
final class LocalFiles {

  private LocalFiles() {}

  static Mono<Void> createDirectories(Path directory) {
    return blocking(() -> Files.createDirectories(directory)).then();
  }

  /** Writes (or overwrites) {@code file}, creating its missing parent directories. */
  static Mono<Void> write(Path file, byte[] bytes) {
    return blocking(
            () -> {
              Files.createDirectories(file.toAbsolutePath().getParent());
              return Files.write(file, bytes);
            })
        .then();
  }

  /** The sum of the files' sizes. */
  static Mono<Long> totalSize(List<Path> files) {
    return blocking(
        () -> {
          long total = 0;
          for (Path file : files) {
            total += Files.size(file);
          }
          return total;
        });
  }

  static Mono<byte[]> read(Path file) {
    return blocking(() -> Files.readAllBytes(file));
  }

  /** The attributes of {@code path} (links followed); empty when nothing is there. */
  static Mono<BasicFileAttributes> attributes(Path path) {
    return blocking(
        () -> {
          try {
            return Files.readAttributes(path, BasicFileAttributes.class);
          } catch (NoSuchFileException missing) {
            return null;
          }
        });
  }

  /** The entries of {@code directory} whose names start with {@code prefix}, sorted by name. */
  static Mono<List<Path>> entriesStartingWith(Path directory, String prefix) {
    return blocking(
        () -> {
          if (!Files.isDirectory(directory)) {
            return List.of();
          }
          try (Stream<Path> entries = Files.list(directory)) {
            return entries
                .filter(entry -> entry.getFileName().toString().startsWith(prefix))
                .sorted()
                .toList();
          }
        });
  }

  /** Every regular file below {@code directory}, at any depth, sorted by path. */
  static Mono<List<Path>> regularFilesBelow(Path directory) {
    return blocking(
        () -> {
          try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
          }
        });
  }

  /** A Callable returning null completes empty; an IOException becomes the error signal. */
  private static <T> Mono<T> blocking(Callable<T> operation) {
    return Mono.fromCallable(operation).subscribeOn(Schedulers.boundedElastic());
  }
}
