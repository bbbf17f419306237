package io.aloft.adapters.local.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.logs.LogChunk;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.NotFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class FileLogReaderTest {

  @TempDir Path dir;

  @Test
  void givenATaskLogUnderTheWorkRoot_WhenRead_ThenItsLastLines() throws IOException {
    Path log = taskLog("p/development/r1-a0-1", "one\ntwo\nthree\n");
    FileLogReader reader = reader();

    StepVerifier.create(reader.lastLines(link(log), 2).flatMapIterable(LogChunk::lines))
        .expectNext("two", "three")
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenAFollowedLog_WhenLinesAreAppendedAndTheTaskEnds_ThenAllArriveAndItCompletes()
      throws IOException {
    Path log = taskLog("p/development/r1-a0-1", "first\n");
    Sinks.Empty<Void> ended = Sinks.empty();

    StepVerifier.create(
            reader().follow(link(log), 10, ended.asMono()).flatMapIterable(LogChunk::lines))
        .expectNext("first")
        .then(() -> append(log, "second\n"))
        .expectNext("second")
        .then(
            () -> {
              append(log, "last, without a break");
              ended.tryEmitEmpty();
            })
        .expectNext("last, without a break")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void givenLinksOutsideTheWorkRootOrToOtherFiles_WhenRead_ThenNotFound() throws IOException {
    Path outside = Files.writeString(dir.resolve("secret.txt"), "password\n");
    Path inputs = taskLog("p/development/r1-a0-1", "x\n").resolveSibling("inputs.pb");
    Files.writeString(inputs, "data");
    FileLogReader reader = reader();

    for (String uri :
        new String[] {
          outside.toUri().toString(),
          inputs.toUri().toString(),
          root().toUri() + "p/development/r1-a0-1/../../../../secret.txt",
          "file:///etc/passwd",
          "file://host/share/task.log",
          "not a uri at all"
        }) {
      StepVerifier.create(reader.lastLines(new TaskLog("task.log", uri), 10))
          .expectError(NotFound.class)
          .verify(Duration.ofSeconds(5));
    }
  }

  @Test
  void givenATaskLogThatLinksOutOfTheRoot_WhenRead_ThenNotFound() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "password\n");
    Path attempt = Files.createDirectories(root().resolve("p/development/r1-a0-1"));
    Path log = Files.createSymbolicLink(attempt.resolve("task.log"), secret);

    StepVerifier.create(reader().lastLines(link(log), 10))
        .expectError(NotFound.class)
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenOnlyFileLinks_WhenAsked_ThenItHandlesThemAndNothingElse() {
    assertThat(reader().handles(new TaskLog("task.log", "file:///w/task.log"))).isTrue();
    assertThat(reader().handles(new TaskLog("task.log", "s3://b/task.log"))).isFalse();
    assertThat(reader().handles(new TaskLog("logs", "https://logs.example.com/x"))).isFalse();
  }

  private FileLogReader reader() {
    return new FileLogReader(root(), Duration.ofMillis(20));
  }

  private Path root() {
    return dir.resolve("work");
  }

  private Path taskLog(String attemptDir, String content) throws IOException {
    Path attempt = Files.createDirectories(root().resolve(attemptDir));
    return Files.writeString(attempt.resolve("task.log"), content);
  }

  private static TaskLog link(Path log) {
    return new TaskLog("task.log", log.toUri().toString());
  }

  private static void append(Path log, String text) {
    try {
      Files.writeString(log, text, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
