package io.aloft.adapters.local.logs;

import io.aloft.adapters.local.process.LocalProcessPlugin;
import io.aloft.domain.error.NotFound;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a {@code file://} log link into a path, refusing every link that is not the task log of an
 * attempt under the work root: log links can be recorded by any EventsService client, so a crafted
 * one must not read arbitrary files of the manager's host.
 */
final class LocalLogFiles {

  static final String SCHEME = "file";

  private final Path root;

  LocalLogFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  static boolean isFileLink(String uri) {
    return uri.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1);
  }

  /** The log file's path; blocking (it resolves symbolic links). */
  Path resolve(String uri) {
    Path path = parse(uri);
    if (!path.startsWith(root)
        || path.equals(root)
        || !LocalProcessPlugin.LOG_FILE.equals(String.valueOf(path.getFileName()))) {
      throw refused(uri);
    }
    try {
      // A task may replace its log with a link; follow it only if it stays inside the root.
      Path real = path.toRealPath();
      Path realRoot = root.toRealPath();
      if (!real.startsWith(realRoot)) {
        throw refused(uri);
      }
    } catch (NoSuchFileException notYet) {
      // No log written yet: the readers treat a missing file as an empty log.
    } catch (IOException e) {
      throw refused(uri);
    }
    return path;
  }

  private Path parse(String uri) {
    try {
      URI parsed = URI.create(uri);
      if (!SCHEME.equalsIgnoreCase(parsed.getScheme())) {
        throw refused(uri);
      }
      return Path.of(parsed).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | FileSystemNotFoundException malformed) {
      throw refused(uri);
    }
  }

  private static NotFound refused(String uri) {
    return new NotFound(
        "log link "
            + uri
            + " is not the log of a task this manager ran; only task logs in its work directory"
            + " can be read");
  }
}
