package io.aloft.manager;

import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static io.aloft.manager.ActionSteps.actionId;
import static io.aloft.manager.ActionSteps.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.manager.ConnectJson.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** DataProxyService.TailLogs over Connect, for {@code container} tasks run as local processes. */
class TailLogsTest extends RunningManager {

  private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(60);

  ConnectJson connect;
  ActionSteps steps;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void givenAFinishedTask_WhenTailed_ThenItsLinesInBatchesOfAtMostOneHundred() {
    steps.project("logs-done");
    steps.deploy("logs-done", "count", container("for i in $(seq 1 250); do echo line $i; done"));
    steps.run("logs-done", "r1", "count");
    steps.awaitPhase("logs-done", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    List<Frame> frames = tail("logs-done", "r1", "a0", 1).collectList().block(STREAM_TIMEOUT);

    List<JsonNode> batches = batches(frames);
    assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isBetween(1, 100));
    assertThat(messages(batches))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 250).mapToObj(i -> "line " + i + "\n").toList());
    assertEndedCleanly(frames);
    // Attempt 0 means the latest attempt.
    assertThat(messages(batches(tail("logs-done", "r1", "a0", 0).collectList().block())))
        .hasSize(250);
  }

  @Test
  void givenARunningTask_WhenTailed_ThenLinesArriveWhileItRunsAndTheStreamEndsWithIt() {
    steps.project("logs-live");
    steps.deploy(
        "logs-live", "slow", container("for i in 1 2 3 4 5 6; do echo slow $i; sleep 0.5; done"));
    steps.run("logs-live", "r1", "slow");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !steps
                    .details("logs-live", "r1", "a0")
                    .at("/attempts/0/logInfo/0/uri")
                    .asString("")
                    .isEmpty());

    List<Long> arrivals = new ArrayList<>();
    List<Frame> frames =
        tail("logs-live", "r1", "a0", 0)
            .doOnNext(frame -> arrivals.add(System.nanoTime()))
            .collectList()
            .block(STREAM_TIMEOUT);

    assertThat(messages(batches(frames)))
        .containsExactly("slow 1\n", "slow 2\n", "slow 3\n", "slow 4\n", "slow 5\n", "slow 6\n");
    assertThat(batches(frames)).hasSizeGreaterThan(1);
    assertThat(Duration.ofNanos(arrivals.getLast() - arrivals.getFirst()))
        .isGreaterThan(Duration.ofMillis(1000));
    assertEndedCleanly(frames);
    assertThat(steps.details("logs-live", "r1", "a0").at("/status/phase").asString())
        .isEqualTo("ACTION_PHASE_SUCCEEDED");
  }

  @Test
  void givenALineStartingWithATimestamp_WhenTailed_ThenTheTimestampIsSplitOff() {
    steps.project("logs-stamp");
    steps.deploy(
        "logs-stamp",
        "stamp",
        container("echo '2026-01-02T03:04:05.123456789Z hello'; echo plain"));
    steps.run("logs-stamp", "r1", "stamp");
    steps.awaitPhase("logs-stamp", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    List<JsonNode> lines =
        batches(tail("logs-stamp", "r1", "a0", 1).collectList().block(STREAM_TIMEOUT)).stream()
            .flatMap(batch -> batch.valueStream())
            .toList();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).at("/timestamp").asString())
        .isEqualTo("2026-01-02T03:04:05.123456789Z");
    assertThat(lines.get(0).at("/message").asString()).isEqualTo("hello\n");
    assertThat(lines.get(1).has("timestamp")).isFalse();
    assertThat(lines.get(1).at("/message").asString()).isEqualTo("plain\n");
  }

  @Test
  void givenAMissingActionOrAttempt_WhenTailed_ThenNotFound() {
    steps.project("logs-missing");
    steps.deploy("logs-missing", "quiet", container("echo one"));
    steps.run("logs-missing", "r1", "quiet");
    steps.awaitPhase("logs-missing", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    JsonNode noAction = endError(tail("logs-missing", "nope", "a0", 0));
    JsonNode noAttempt = endError(tail("logs-missing", "r1", "a0", 5));

    assertThat(noAction.at("/code").asString()).isEqualTo("not_found");
    assertThat(noAttempt.at("/code").asString()).isEqualTo("not_found");
    assertThat(noAttempt.at("/message").asString())
        .isEqualTo("no logs for attempt 5 of action logs-missing/development/r1/a0 yet");
  }

  @Test
  void givenATaskWithoutLogs_WhenTailed_ThenNotFound() {
    steps.project("logs-none");
    steps.deploy("logs-none", "nothing", "{\"type\": \"noop\"}");
    steps.run("logs-none", "r1", "nothing");
    steps.awaitPhase("logs-none", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    JsonNode error = endError(tail("logs-none", "r1", "a0", 0));

    assertThat(error.at("/code").asString()).isEqualTo("not_found");
    assertThat(error.at("/message").asString()).startsWith("no logs for attempt 1 of action");
  }

  private Flux<Frame> tail(String project, String run, String action, int attempt) {
    return connect.stream(
        DATA_PROXY + "TailLogs",
        "{\"actionId\": " + actionId(project, run, action) + ", \"attempt\": " + attempt + "}");
  }

  /** The lines arrays of every batch of the data frames (a frame may carry several). */
  private static List<JsonNode> batches(List<Frame> frames) {
    return frames.stream()
        .filter(frame -> !frame.endOfStream())
        .flatMap(
            frame -> {
              assertThat(frame.body().at("/logs")).isNotEmpty();
              return frame.body().at("/logs").valueStream().map(batch -> batch.at("/lines"));
            })
        .toList();
  }

  private static List<String> messages(List<JsonNode> batches) {
    return batches.stream()
        .flatMap(batch -> batch.valueStream())
        .map(line -> line.at("/message").asString())
        .toList();
  }

  private static void assertEndedCleanly(List<Frame> frames) {
    assertThat(frames.getLast().endOfStream()).isTrue();
    assertThat(frames.getLast().body().has("error"))
        .as(frames.getLast().body().toString())
        .isFalse();
  }

  private static JsonNode endError(Flux<Frame> stream) {
    List<Frame> frames = stream.collectList().block(STREAM_TIMEOUT);
    assertThat(frames).hasSize(1);
    assertThat(frames.getFirst().endOfStream()).isTrue();
    return frames.getFirst().body().at("/error");
  }
}
