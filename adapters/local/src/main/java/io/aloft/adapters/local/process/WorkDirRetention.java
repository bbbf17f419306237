package io.aloft.adapters.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Deletes the work directories of attempts that are over. The plugin keeps an attempt's directory
 * after it ends, because its log is read afterwards (UI, TailLogs) and its inputs and outputs help
 * to debug it; without this job the work root would grow for ever.
 *
 * <p>A directory {@code <workRoot>/<project>/<domain>/<attempt>} goes once nothing in it (the
 * directory, its log, exit code or process record) changed for {@code retention}, <em>and</em> no
 * process of its task is alive: a long-running task with a quiet log is never swept from under
 * itself. Symbolic links are deleted, never followed.
 */
public final class WorkDirRetention implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(WorkDirRetention.class.getName());

  /** The files whose change times say when an attempt was last active. */
  private static final List<String> ACTIVITY =
      List.of(
          LocalProcessPlugin.LOG_FILE,
          LocalProcessPlugin.LOG_FILE + ".1",
          ProcessRunner.EXIT_CODE_FILE,
          LocalProcessPlugin.PROCESS_FILE,
          WrapperPidFile.NAME);

  private final Path workRoot;
  private final Duration retention;
  private final Clock clock;
  private volatile Disposable sweeping;

  public WorkDirRetention(Path workRoot, Duration retention, Clock clock) {
    this.workRoot = workRoot.toAbsolutePath().normalize();
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the work directory retention must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How often to sweep: a quarter of the retention, between a minute and an hour. */
  public Duration period() {
    Duration quarter = retention.dividedBy(4);
    Duration atLeast =
        quarter.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : quarter;
    return atLeast.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : atLeast;
  }

  /** Sweeps now and then every {@link #period}, on {@code timer}; file work runs elsewhere. */
  public void start(Scheduler timer) {
    sweeping =
        Flux.interval(Duration.ZERO, period(), timer)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    Mono.fromCallable(this::sweep)
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(
                            error -> {
                              LOG.log(
                                  System.Logger.Level.WARNING,
                                  "sweeping old work directories in " + workRoot + " failed",
                                  error);
                              return Mono.empty();
                            }),
                1)
            .subscribe();
  }

  @Override
  public void close() {
    Disposable current = sweeping;
    if (current != null) {
      current.dispose();
    }
  }

  /** One pass; returns how many attempt directories it deleted. Blocking. */
  public int sweep() throws IOException {
    if (!Files.isDirectory(workRoot)) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(retention);
    Set<Long> liveSessions = liveSessions();
    int deleted = 0;
    for (Path attempt : attemptDirectories()) {
      if (isOver(attempt, cutoff, liveSessions)) {
        deleteTree(attempt);
        deleted++;
      }
    }
    if (deleted > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "deleted {0} work directories older than {1} in {2}",
          deleted,
          retention,
          workRoot);
    }
    return deleted;
  }

  private List<Path> attemptDirectories() throws IOException {
    List<Path> attempts = new ArrayList<>();
    for (Path project : subdirectories(workRoot)) {
      for (Path domain : subdirectories(project)) {
        attempts.addAll(subdirectories(domain));
      }
    }
    return attempts;
  }

  private static List<Path> subdirectories(Path dir) throws IOException {
    List<Path> result = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          result.add(entry);
        }
      }
    } catch (NoSuchFileException e) {
      // removed meanwhile
    }
    return result;
  }

  private static boolean isOver(Path attempt, Instant cutoff, Set<Long> liveSessions)
      throws IOException {
    if (lastActivity(attempt).isAfter(cutoff)) {
      return false;
    }
    for (long pid : recordedPids(attempt)) {
      // The wrapper leads the task's session, so a live session means a live task (or a pid
      // reused as a session id since, which only keeps the directory a little longer).
      if (liveSessions.contains(pid)) {
        return false;
      }
    }
    return true;
  }

  private static Instant lastActivity(Path attempt) throws IOException {
    Instant latest = modified(attempt).orElse(Instant.EPOCH);
    for (String name : ACTIVITY) {
      Optional<Instant> time = modified(attempt.resolve(name));
      if (time.isPresent() && time.get().isAfter(latest)) {
        latest = time.get();
      }
    }
    return latest;
  }

  private static Optional<Instant> modified(Path path) throws IOException {
    try {
      return Optional.of(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static List<Long> recordedPids(Path attempt) throws IOException {
    List<Long> pids = new ArrayList<>();
    try {
      String text =
          Files.readString(
              attempt.resolve(LocalProcessPlugin.PROCESS_FILE), StandardCharsets.UTF_8);
      pids.add(ProcessState.decodeText(text).pid());
    } catch (NoSuchFileException | IllegalArgumentException e) {
      // no record, or an unreadable one: the wrapper's own record may still name the process
    }
    WrapperPidFile.read(attempt).ifPresent(state -> pids.add(state.pid()));
    return pids;
  }

  private static Set<Long> liveSessions() {
    Set<Long> sessions = new HashSet<>();
    for (ProcStat process : ProcStat.all()) {
      if (process.isAlive()) {
        sessions.add(process.session());
      }
    }
    return sessions;
  }

  private static void deleteTree(Path root) throws IOException {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file); // a symbolic link itself, never its target
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // deleted meanwhile
    }
  }
}
