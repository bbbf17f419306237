package io.aloft.application.data;

import static io.aloft.application.data.Fakes.report;
import static io.aloft.application.data.Fakes.withPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.logs.LogChunk;
import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.application.run.RunReader;
import io.aloft.application.watch.DirtyActions;
import io.aloft.application.watch.Views;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class LogTailingTest {

  private static final ActionId A0 = Views.id("a0");
  private static final TaskLog FIRST = new TaskLog("task.log", "mem://1");
  private static final TaskLog SECOND = new TaskLog("task.log", "mem://2");

  private final Fakes.Queries queries = new Fakes.Queries();
  private final Fakes.Logs logs = new Fakes.Logs();
  private final Sinks.Many<ChangeBatch> feed = Sinks.many().multicast().directBestEffort();
  private final LogTailing tailing =
      new LogTailing(
          new RunReader(queries, new ProjectCatalog(null, null)),
          queries,
          new DirtyActions(feed::asFlux),
          List.of(logs));

  @Test
  void givenAFinishedAttempt_WhenTailed_ThenItsLastLinesInBatchesOfAHundred() {
    action(ActionPhase.SUCCEEDED, 1);
    queries.events.add(report(A0, 1, ActionPhase.RUNNING, FIRST));
    IntStream.rangeClosed(1, 1250).forEach(i -> logs.lines.add("line " + i));

    StepVerifier.create(
            tailing.tail(A0, 1).flatMapIterable(response -> response).map(LogBatch::size))
        .expectNext(100, 100, 100, 100, 100, 100, 100, 100, 100, 100)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    StepVerifier.create(
            tailing
                .tail(A0, 1)
                .next()
                .map(response -> response.getFirst().lines().getFirst().message()))
        .expectNext("line 251\n")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void aChunkIsSentWholeInBatchesOfAHundredAPartialOneIncluded() {
    LogChunk chunk = LogChunk.ofLines(IntStream.range(0, 250).mapToObj(i -> "l" + i).toList());

    List<List<LogBatch>> responses = LogTailing.responses(chunk);

    assertThat(responses).hasSize(1);
    assertThat(responses.getFirst()).extracting(LogBatch::size).containsExactly(100, 100, 50);
    assertThat(responses.getFirst().get(2).lines().getLast())
        .isEqualTo(new LogLine(null, "l249\n"));
    assertThat(LogTailing.responses(LogChunk.EMPTY)).isEmpty();
  }

  @Test
  void aLargeChunkIsSplitIntoResponsesOfBoundedSize() {
    String wide = "x".repeat(10_000);
    LogChunk chunk = LogChunk.ofLines(IntStream.range(0, 300).mapToObj(i -> wide).toList());

    List<List<LogBatch>> responses = LogTailing.responses(chunk);

    assertThat(responses).extracting(List::size).containsExactly(1, 1, 1);
    assertThat(responses.stream().flatMap(List::stream).mapToInt(LogBatch::size).sum())
        .isEqualTo(300);
  }

  @Test
  void givenARunningAttempt_WhenTailed_ThenNewLinesFlowUntilTheActionEnds() {
    action(ActionPhase.RUNNING, 1);
    queries.events.add(report(A0, 1, ActionPhase.RUNNING, FIRST));
    logs.lines.add("old");

    StepVerifier.create(
            tailing
                .tail(A0, 0)
                .flatMapIterable(response -> response)
                .flatMapIterable(LogBatch::lines))
        .expectNext(new LogLine(null, "old\n"))
        .then(() -> logs.live.tryEmitNext("new"))
        .expectNext(new LogLine(null, "new\n"))
        .then(
            () -> {
              action(ActionPhase.SUCCEEDED, 1);
              feed.tryEmitNext(new ChangeBatch(2, Set.of(A0)));
            })
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void givenTwoAttempts_WhenTheLatestIsAsked_ThenTheSecondAttemptsLinkIsRead() {
    action(ActionPhase.RUNNING, 2);
    queries.events.add(report(A0, 1, ActionPhase.FAILED, FIRST));
    queries.events.add(report(A0, 2, ActionPhase.RUNNING, SECOND));
    Fakes.Logs byLink =
        new Fakes.Logs() {
          @Override
          public reactor.core.publisher.Flux<LogChunk> lastLines(TaskLog log, int count) {
            return reactor.core.publisher.Flux.just(LogChunk.ofLines(List.of(log.uri())));
          }
        };
    LogTailing tail =
        new LogTailing(
            new RunReader(queries, new ProjectCatalog(null, null)),
            queries,
            new DirtyActions(feed::asFlux),
            List.of(byLink));

    // Attempt 1 ended when attempt 2 started, so it is read once, not followed.
    StepVerifier.create(
            tail.tail(A0, 1)
                .flatMapIterable(response -> response)
                .flatMapIterable(LogBatch::lines)
                .map(LogLine::message))
        .expectNext("mem://1\n")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    StepVerifier.create(
            tail.tail(A0, 0)
                .flatMapIterable(response -> response)
                .flatMapIterable(LogBatch::lines)
                .map(LogLine::message)
                .next())
        .expectNext("mem://2\n")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void givenNoLinkOrAnUnreadableOne_WhenTailed_ThenNotFoundSayingWhy() {
    action(ActionPhase.RUNNING, 1);

    StepVerifier.create(tailing.tail(A0, 0))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(NotFound.class)
                    .hasMessage("no logs for attempt 1 of action p/d/r1/a0 yet"))
        .verify(Duration.ofSeconds(10));

    queries.events.add(report(A0, 1, ActionPhase.RUNNING, new TaskLog("k", "s3://b/log")));
    StepVerifier.create(tailing.tail(A0, 1))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(NotFound.class)
                    .hasMessageContaining("s3://b/log")
                    .hasMessageContaining("cannot read"))
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void givenAMissingAction_WhenTailed_ThenNotFound() {
    StepVerifier.create(tailing.tail(A0, 0))
        .expectError(NotFound.class)
        .verify(Duration.ofSeconds(10));
  }

  private void action(ActionPhase phase, int attempts) {
    queries.rows.put(A0, withPhase(Views.row("a0", null, phase, 1), phase, attempts));
  }
}
