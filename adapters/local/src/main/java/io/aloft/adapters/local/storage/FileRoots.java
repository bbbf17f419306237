package io.aloft.adapters.local.storage;

import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The directories a {@link FileDataStore} may touch, and how a {@code file:///abs/path} uri maps to
 * a path below one of them. A uri outside every root, with "." or ".." segments, or leading out of
 * the roots through a symbolic link, is an {@link InvalidArgument}.
 */
final class FileRoots {

  /** Names starting with this are the store's own (temporary files, metadata), never objects. */
  static final String RESERVED_PREFIX = ".aloft.";

  /** A root as configured (normalized) and as the filesystem resolves it (links followed). */
  private record Root(Path configured, Path real) {}

  private final List<Root> roots;

  /** Creates missing roots; blocking, so meant for startup. */
  FileRoots(Collection<Path> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("the file store needs at least one root directory");
    }
    this.roots = roots.stream().map(FileRoots::root).toList();
  }

  /** The path of the object {@code uri} names; checks the uri's shape and the roots lexically. */
  Path object(StorageUri uri) {
    checkLocal(uri);
    if (uri.key().isEmpty() || uri.key().endsWith("/")) {
      throw new InvalidArgument(
          "storage uri '" + uri + "' names a directory, not a file: add a file name");
    }
    checkSegments(uri, uri.key());
    return within(uri, Path.of("/" + uri.key()));
  }

  /** The directory a listing of {@code prefix} walks: the prefix up to its last slash. */
  Path listingDirectory(StorageUri prefix) {
    checkLocal(prefix);
    String key = prefix.key();
    String directory = key.substring(0, key.lastIndexOf('/') + 1);
    checkSegments(prefix, directory);
    return within(prefix, Path.of("/" + directory));
  }

  /**
   * Refuses {@code path} when its deepest existing ancestor (itself, if it exists) resolves,
   * through symbolic links, to a place outside every root. Blocking: call it off the event loop.
   */
  void checkNoEscape(StorageUri uri, Path path) throws IOException {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    Path real = existing == null ? path : existing.toRealPath();
    if (roots.stream().noneMatch(root -> real.startsWith(root.real()))) {
      throw new InvalidArgument(
          "storage uri '" + uri + "' leads through a symbolic link to " + real + ", " + outside());
    }
  }

  private Path within(StorageUri uri, Path path) {
    boolean inside =
        roots.stream()
            .anyMatch(root -> path.startsWith(root.configured()) || path.startsWith(root.real()));
    if (!inside) {
      throw new InvalidArgument("storage uri '" + uri + "' is " + outside());
    }
    return path;
  }

  private String outside() {
    return "outside the file storage roots ("
        + roots.stream().map(r -> r.configured().toString()).collect(Collectors.joining(", "))
        + "); use a path below one of them or add its directory to aloft.storage.file-roots";
  }

  private static void checkLocal(StorageUri uri) {
    if (!FileDataStore.SCHEME.equals(uri.scheme())) {
      throw new InvalidArgument(
          "the file store cannot serve '" + uri + "': only file:///absolute/path uris");
    }
    if (!uri.bucket().isEmpty()) {
      throw new InvalidArgument(
          "storage uri '" + uri + "' names a host; local paths are file:///absolute/path");
    }
  }

  private static void checkSegments(StorageUri uri, String key) {
    String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    if (trimmed.isEmpty()) {
      return;
    }
    for (String segment : trimmed.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidArgument(
            "storage uri '" + uri + "' is invalid: empty, '.' and '..' path segments are refused");
      }
      if (segment.startsWith(RESERVED_PREFIX)) {
        throw new InvalidArgument(
            "storage uri '"
                + uri
                + "' is invalid: names starting with '"
                + RESERVED_PREFIX
                + "' are reserved for the store's own files");
      }
    }
  }

  private static Root root(Path configured) {
    if (!configured.isAbsolute()) {
      throw new IllegalArgumentException("file storage root '" + configured + "' is not absolute");
    }
    Path normalized = configured.normalize();
    try {
      Files.createDirectories(normalized);
      return new Root(normalized, normalized.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the file storage root " + normalized, e);
    }
  }
}
