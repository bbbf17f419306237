package io.aloft.adapters.local.storage;

import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.StorageUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Lists the regular files below a directory whose paths start with a prefix, as objects in key
 * order. Symbolic links are neither followed nor listed (they could lead out of the roots), and the
 * store's own files ({@link FileRoots#RESERVED_PREFIX}) are skipped.
 */
final class FileListing {

  private FileListing() {}

  static List<ObjectInfo> list(Path directory, StorageUri prefix) throws IOException {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    String keyPrefix = prefix.key();
    try (Stream<Path> files =
        Files.find(
            directory, Integer.MAX_VALUE, (path, attributes) -> attributes.isRegularFile())) {
      return files
          .filter(path -> !path.getFileName().toString().startsWith(FileRoots.RESERVED_PREFIX))
          .filter(path -> key(path).startsWith(keyPrefix))
          .sorted(Comparator.comparing(FileListing::key))
          .map(path -> info(prefix, path))
          .filter(Objects::nonNull)
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String key(Path path) {
    return path.toString().substring(1);
  }

  /** Null when the file went away since the walk saw it (a concurrent delete or rename). */
  private static ObjectInfo info(StorageUri prefix, Path path) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new ObjectInfo(
          new StorageUri(prefix.scheme(), "", key(path)),
          attributes.size(),
          null,
          attributes.lastModifiedTime().toInstant(),
          Map.of());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
