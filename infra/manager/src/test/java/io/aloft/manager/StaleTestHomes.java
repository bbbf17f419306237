package io.aloft.manager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the ALOFT_HOME directories (embedded PostgreSQL data, S3 files) that earlier test JVMs
 * left in the temp directory, about 40 MiB each. A home is stale once no postmaster runs from it
 * and it is older than any test JVM that could still be starting in it.
 */
final class StaleTestHomes {

  static final String PREFIX = "aloft-home-";
  private static final Duration STARTING = Duration.ofMinutes(10);

  private StaleTestHomes() {}

  static void removeFrom(Path tmp) {
    try (Stream<Path> homes = Files.list(tmp)) {
      homes
          .filter(path -> path.getFileName().toString().startsWith(PREFIX))
          .filter(StaleTestHomes::isStale)
          .forEach(StaleTestHomes::delete);
    } catch (IOException e) {
      // Best effort: a home left behind costs disk space, never a test.
    }
  }

  private static boolean isStale(Path home) {
    try {
      FileTime modified = Files.getLastModifiedTime(home);
      return modified.toInstant().isBefore(Instant.now().minus(STARTING))
          && !postmasterRunning(home.resolve("postgres").resolve("postmaster.pid"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The first line of postmaster.pid is the server's pid. */
  private static boolean postmasterRunning(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return false;
    }
    try (Stream<String> lines = Files.lines(pidFile)) {
      return lines
          .findFirst()
          .map(String::trim)
          .filter(line -> line.matches("\\d+"))
          .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
          .map(ProcessHandle::isAlive)
          .orElse(false);
    }
  }

  private static void delete(Path home) {
    try (Stream<Path> tree = Files.walk(home)) {
      tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort, as above.
    }
  }
}
