package io.aloft.adapters.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirRetentionTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(7);

  @TempDir Path root;
  @TempDir Path outside;

  private final WorkDirRetention retention =
      new WorkDirRetention(Path.of("unused"), RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));

  private WorkDirRetention retention() {
    return new WorkDirRetention(root, RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void givenAnAttemptOverForLongerThanTheRetention_whenSwept_thenItsDirectoryIsDeleted()
      throws Exception {
    Path old = attempt("old", NOW.minus(Duration.ofDays(8)));
    Path recent = attempt("recent", NOW.minus(Duration.ofDays(6)));

    int deleted = retention().sweep();

    assertThat(deleted).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(recent.resolve("task.log")).exists();
    assertThat(root.resolve("p").resolve("d")).isDirectory();
  }

  @Test
  void givenAnOldDirectoryWhoseLogWasWrittenLately_whenSwept_thenItIsKept() throws Exception {
    Path attempt = attempt("quiet-dir", NOW.minus(Duration.ofDays(30)));
    Files.setLastModifiedTime(
        attempt.resolve("task.log"), FileTime.from(NOW.minus(Duration.ofHours(1))));

    assertThat(retention().sweep()).isZero();
    assertThat(attempt).isDirectory();
  }

  @Test
  void givenATaskStillRunningWithAQuietLog_whenSwept_thenItsDirectoryIsKept() throws Exception {
    Path attempt = root.resolve("p").resolve("d").resolve("running");
    Files.createDirectories(attempt);
    ProcessRunner.Started task =
        ProcessRunner.detect()
            .start(
                attempt,
                List.of("sleep", "30"),
                Map.of("PATH", System.getenv("PATH")),
                attempt.resolve("task.log"));
    try {
      Tasks.await("the wrapper's record", () -> Files.exists(attempt.resolve(WrapperPidFile.NAME)));
      age(attempt, NOW.minus(Duration.ofDays(30)));

      assertThat(retention().sweep()).isZero();
      assertThat(attempt).isDirectory();
    } finally {
      ProcessRunner.signal(ProcessRunner.snapshot(task.pid(), task.startTicks()), true);
      task.process().waitFor();
    }
  }

  @Test
  void givenALinkOutOfTheWorkDirectory_whenSwept_thenOnlyTheLinkGoes() throws Exception {
    Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
    Path attempt = root.resolve("p").resolve("d").resolve("linked");
    Files.createDirectories(attempt.resolve("outputs"));
    Files.createSymbolicLink(attempt.resolve("outputs").resolve("data"), outside);
    Files.writeString(attempt.resolve("exit-code"), "0\n");
    age(attempt, NOW.minus(Duration.ofDays(8)));

    assertThat(retention().sweep()).isEqualTo(1);
    assertThat(attempt).doesNotExist();
    assertThat(precious).hasContent("keep me");
  }

  @Test
  void givenNoWorkRootYet_whenSwept_thenNothingHappens() throws Exception {
    assertThat(new WorkDirRetention(root.resolve("absent"), RETENTION, Clock.systemUTC()).sweep())
        .isZero();
  }

  @Test
  void sweepsAQuarterOfTheRetentionApartWithinAMinuteAndAnHour() {
    assertThat(retention.period()).isEqualTo(Duration.ofHours(1));
    assertThat(new WorkDirRetention(root, Duration.ofMinutes(20), Clock.systemUTC()).period())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(new WorkDirRetention(root, Duration.ofSeconds(30), Clock.systemUTC()).period())
        .isEqualTo(Duration.ofMinutes(1));
  }

  /** A finished attempt's directory, last active at {@code at}. */
  private Path attempt(String name, Instant at) throws Exception {
    Path attempt = root.resolve("p").resolve("d").resolve(name);
    Files.createDirectories(attempt.resolve("outputs"));
    Files.writeString(attempt.resolve("task.log"), "done\n");
    Files.writeString(attempt.resolve("exit-code"), "0\n");
    Files.writeString(attempt.resolve("outputs").resolve("outputs.pb"), "x");
    age(attempt, at);
    return attempt;
  }

  private static void age(Path attempt, Instant at) throws Exception {
    try (Stream<Path> paths = Files.walk(attempt)) {
      for (Path path : paths.toList()) {
        if (!Files.isSymbolicLink(path)) {
          Files.setLastModifiedTime(path, FileTime.from(at));
        }
      }
    }
  }
}
