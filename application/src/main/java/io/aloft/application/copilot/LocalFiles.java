package io.aloft.application.copilot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

  /**
   * Every regular file below {@code directory}, at any depth, sorted by path. A symbolic link
   * counts as the file it points to when that file is inside {@code directory}; a link leading out
   * of it, or to a directory, makes the whole output {@link OutputRejected}: a task must not upload
   * what it was not given (a link to a secret, say) and no file may be skipped silently.
   */
  static Mono<List<Path>> regularFilesBelow(Path directory) {
    return blocking(
        () -> {
          Path root = directory.toRealPath();
          try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> files = new java.util.ArrayList<>();
            for (Path path : paths.sorted().toList()) {
              if (Files.isSymbolicLink(path)) {
                requireLinkToFileInside(root, path);
                files.add(path);
              } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                files.add(path);
              }
            }
            return files;
          }
        });
  }

  /**
   * {@code path} itself when it is, or leads through links to, something inside {@code directory};
   * else an {@link OutputRejected} naming where it leads.
   */
  static Mono<Path> requireInside(Path directory, Path path, String what) {
    return blocking(
        () -> {
          Path target = path.toRealPath();
          if (!target.startsWith(directory.toRealPath())) {
            throw OutputRejected.because(
                what
                    + " "
                    + path
                    + " leads to "
                    + target
                    + ", outside "
                    + directory
                    + "; write the data itself into the directory, not a link to it");
          }
          return path;
        });
  }

  private static void requireLinkToFileInside(Path root, Path link) throws IOException {
    Path target;
    try {
      target = link.toRealPath();
    } catch (NoSuchFileException dangling) {
      throw OutputRejected.because(
          "the symbolic link " + link + " points to nothing; remove it or write the file");
    }
    if (!target.startsWith(root)) {
      throw OutputRejected.because(
          "the symbolic link "
              + link
              + " leads to "
              + target
              + ", outside the output directory; write the data itself, not a link to it");
    }
    if (!Files.isRegularFile(target)) {
      throw OutputRejected.because(
          "the symbolic link " + link + " leads to a directory; copy the files instead");
    }
  }

  /** A Callable returning null completes empty; an IOException becomes the error signal. */
  private static <T> Mono<T> blocking(Callable<T> operation) {
    return Mono.fromCallable(operation).subscribeOn(Schedulers.boundedElastic());
  }
}
