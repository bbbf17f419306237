package io.aloft.adapters.kubernetes.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.application.port.logs.LogChunk;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.error.Unavailable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Pod logs read through the official client from the stand-in's pod log endpoint. */
class PodLogReaderTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final TaskLog LINK = PodLogLinks.link("aloft", "r1-a0-0", "task");

  private KubeApiStandIn api;
  private PodLogReader reader;

  @BeforeEach
  void start() throws Exception {
    api = new KubeApiStandIn();
    reader =
        new PodLogReader(
            api.client(),
            KubernetesSettings.defaults("aloft").withRetry(2, Duration.ofMillis(10)),
            Clock.systemUTC(),
            Duration.ofMillis(200));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenLog_whenLastLines_thenTailWithTimestamps() {
    for (int i = 1; i <= 5; i++) {
      api.writeLog("r1-a0-0", "task", "line " + i);
    }

    List<String> lines = lines(reader.lastLines(LINK, 2).collectList().block(WAIT));

    assertThat(lines)
        .containsExactly(
            "2026-01-01T00:00:03.000000000Z line 4", "2026-01-01T00:00:04.000000000Z line 5");
  }

  @Test
  void givenRunningPod_whenFollowed_thenNewLinesUntilTheContainerEnds() {
    api.writeLog("r1-a0-0", "task", "first");
    Sinks.Empty<Void> ended = Sinks.empty();

    StepVerifier.create(reader.follow(LINK, 10, ended.asMono()).flatMapIterable(LogChunk::lines))
        .expectNextMatches(line -> line.endsWith(" first"))
        .then(() -> api.writeLog("r1-a0-0", "task", "second"))
        .expectNextMatches(line -> line.endsWith(" second"))
        .then(() -> api.endLog("r1-a0-0", "task"))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void givenAttemptReportedEnded_whenFollowed_thenStreamClosesAfterTheDrain() {
    api.writeLog("r1-a0-0", "task", "only");
    Sinks.Empty<Void> ended = Sinks.empty();

    StepVerifier.create(reader.follow(LINK, 10, ended.asMono()).flatMapIterable(LogChunk::lines))
        .expectNextCount(1)
        .then(ended::tryEmitEmpty)
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void givenUnknownPod_whenRead_thenNotFound() {
    StepVerifier.create(reader.lastLines(PodLogLinks.link("aloft", "gone-0", "task"), 10))
        .expectError(NotFound.class)
        .verify(WAIT);
  }

  @Test
  void givenLinkToAnotherNamespace_whenRead_thenNotFound() {
    StepVerifier.create(reader.lastLines(PodLogLinks.link("kube-system", "r1-a0-0", "task"), 10))
        .expectError(NotFound.class)
        .verify(WAIT);
    StepVerifier.create(reader.lastLines(new TaskLog("pod", "k8s://aloft/../secrets/x"), 10))
        .expectError(NotFound.class)
        .verify(WAIT);
  }

  @Test
  void givenApiServerFailing_whenRead_thenUnavailableAfterRetries() {
    api.writeLog("r1-a0-0", "task", "x");
    api.fail(5, 503);

    StepVerifier.create(reader.lastLines(LINK, 10)).expectError(Unavailable.class).verify(WAIT);
  }

  @Test
  void givenLinks_whenAsked_thenOnlyPodLinksHandled() {
    assertThat(reader.handles(LINK)).isTrue();
    assertThat(reader.handles(new TaskLog("task.log", "file:///tmp/task.log"))).isFalse();
  }

  private static List<String> lines(List<LogChunk> chunks) {
    return chunks.stream().flatMap(chunk -> chunk.lines().stream()).toList();
  }
}
