package io.aloft.adapters.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.logs.LogChunk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class LogTailTest {

  private static final Duration POLL = Duration.ofMillis(20);

  @TempDir Path dir;

  private Path log() {
    return dir.resolve("task.log");
  }

  private void append(String text) throws Exception {
    Files.writeString(
        log(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String lines(int from, int to) {
    StringBuilder text = new StringBuilder();
    IntStream.range(from, to).forEach(i -> text.append("line ").append(i).append('\n'));
    return text.toString();
  }

  @Test
  void givenLongLog_whenLastLines_thenOnlyTheLastOnesInOrder() throws Exception {
    append(lines(0, 100_000));

    StepVerifier.create(LogTail.lastLines(log(), 3).map(LogChunk::lines))
        .expectNext(List.of("line 99997", "line 99998", "line 99999"))
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenLastLineWithoutBreakAndCrLf_whenLastLines_thenBothAreLines() throws Exception {
    append("a\r\nb\r\nno break");

    StepVerifier.create(LogTail.lastLines(log(), 2).map(LogChunk::lines))
        .expectNext(List.of("b", "no break"))
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenShortLogAndRotatedPart_whenLastLines_thenTheRotatedPartFillsUp() throws Exception {
    Files.writeString(LogRotation.rotated(log()), lines(0, 10));
    append("fresh\n");

    StepVerifier.create(LogTail.lastLines(log(), 3).map(LogChunk::lines))
        .expectNext(List.of("line 8", "line 9", "fresh"))
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenNoLog_whenLastLines_thenEmpty() {
    StepVerifier.create(LogTail.lastLines(log(), 5).map(LogChunk::lines))
        .expectNext(List.of())
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenHugeLineWithoutBreak_whenLastLines_thenItIsCutAndMemoryBounded() throws Exception {
    append("x".repeat(10 * 1024 * 1024));

    List<String> last = LogTail.lastLines(log(), 2).block(Tasks.TIMEOUT).lines();

    assertThat(last)
        .hasSize(2)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(LogTail.MAX_LINE_CHARS));
  }

  @Test
  void givenGrowingLog_whenFollowed_thenTailThenNewLinesThenCompletesAfterEnd() throws Exception {
    append(lines(0, 10) + "partial");
    Sinks.Empty<Void> ended = Sinks.empty();

    StepVerifier.create(LogTail.follow(log(), 2, POLL, ended.asMono()))
        .expectNext("line 8", "line 9")
        .then(() -> run(() -> append(" done\nnext\n")))
        .expectNext("partial done", "next")
        .then(() -> run(() -> append("last without break")))
        .then(() -> ended.tryEmitEmpty())
        .expectNext("last without break")
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenLogNotYetCreated_whenFollowed_thenLinesAppearOnceWritten() throws Exception {
    Sinks.One<String> ended = Sinks.one();

    StepVerifier.create(LogTail.follow(log(), 10, POLL, ended.asMono()))
        .expectSubscription()
        .then(() -> run(() -> append("hello\n")))
        .expectNext("hello")
        .then(() -> ended.tryEmitValue("exited"))
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenLogTruncatedByRotation_whenFollowed_thenReadingRestartsAtTheTop() throws Exception {
    append(lines(0, 5));
    Sinks.Empty<Void> ended = Sinks.empty();

    StepVerifier.create(LogTail.follow(log(), 1, POLL, ended.asMono()))
        .expectNext("line 4")
        .then(() -> run(() -> Files.writeString(log(), "after rotation\n")))
        .expectNext("after rotation")
        .then(() -> ended.tryEmitEmpty())
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenManyLinesAtOnce_whenFollowed_thenAllArrivePastOneChunk() throws Exception {
    append("first\n");
    Sinks.Empty<Void> ended = Sinks.empty();

    StepVerifier.create(LogTail.follow(log(), 1, POLL, ended.asMono()))
        .expectNext("first")
        .then(() -> run(() -> append(lines(0, 200_000))))
        .then(() -> ended.tryEmitEmpty())
        .expectNextCount(199_999)
        .expectNext("line 199999")
        .expectComplete()
        .verify(Tasks.TIMEOUT);
  }

  @Test
  void givenFollow_whenCancelled_thenPollingStops() throws Exception {
    append("one\n");

    StepVerifier.create(LogTail.follow(log(), 1, POLL, Mono.never()))
        .expectNext("one")
        .thenCancel()
        .verify(Tasks.TIMEOUT);
  }

  private interface IoAction {
    void run() throws Exception;
  }

  private static void run(IoAction action) {
    try {
      action.run();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
