package io.aloft.adapters.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager killed with SIGKILL leaves its embedded PostgreSQL running, still holding the data
 * directory. The next start stops that orphan first: a polite shutdown (its clients died with the
 * old manager), then SIGKILL if it will not go; PostgreSQL's crash recovery makes either safe.
 * Startup code: it blocks while the orphan stops.
 */
final class StalePostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
  private static final long POLITE_SECONDS = 30;

  private StalePostmaster() {}

  static void stopIfRunning(Path dataDirectory) {
    owner(dataDirectory.resolve("postmaster.pid"))
        .filter(ProcessHandle::isAlive)
        .filter(StalePostmaster::isPostgres)
        .ifPresent(orphan -> stop(orphan, dataDirectory));
  }

  private static Optional<ProcessHandle> owner(Path pidFile) {
    try {
      List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
      return lines.isEmpty()
          ? Optional.empty()
          : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // unreadable: PostgreSQL itself judges a stale pid file
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
  }

  private static void stop(ProcessHandle orphan, Path dataDirectory) {
    LOG.warn(
        "an earlier manager left PostgreSQL (pid {}) running on {}; stopping it",
        orphan.pid(),
        dataDirectory);
    orphan.destroy();
    if (!awaitExit(orphan, POLITE_SECONDS)) {
      orphan.destroyForcibly();
      awaitExit(orphan, POLITE_SECONDS);
    }
  }

  private static boolean awaitExit(ProcessHandle process, long seconds) {
    try {
      process.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
