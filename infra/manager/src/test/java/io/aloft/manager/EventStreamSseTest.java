package io.aloft.manager;

import static io.aloft.manager.ManagerTestSupport.createRun;
import static io.aloft.manager.ManagerTestSupport.deployTask;
import static io.aloft.manager.ManagerTestSupport.event;
import static io.aloft.manager.ManagerTestSupport.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * {@code GET /v1/events}: the action history of a project and domain (or one run) as server-sent
 * events, resumable from {@code Last-Event-ID} with no gap and no repeat.
 */
class EventStreamSseTest extends RunningManager {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String EVENTS = "/aloft.events.v1.EventsService/Record";

  private ConnectJson connect;
  private WebClient web;

  @BeforeEach
  void clients() {
    connect = new ConnectJson(port);
    web = WebClient.create("http://localhost:" + port);
  }

  @Test
  void givenAProjectStream_whenEventsAreRecorded_thenTheHistoryThenTheLiveEventsArriveInOrder() {
    prepare("sse-live", "r1");

    StepVerifier.create(events("project=sse-live&domain=development", null))
        .assertNext(created -> assertThat(created.data()).contains("ActionCreated", "r1"))
        .assertNext(running -> assertThat(running.data()).contains("ACTION_PHASE_RUNNING"))
        .then(() -> record("sse-live", "r1", "ACTION_PHASE_SUCCEEDED"))
        .assertNext(done -> assertThat(done.data()).contains("ACTION_PHASE_SUCCEEDED"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void givenALastEventId_whenReconnecting_thenTheStreamGoesOnAfterItWithNoGapOrRepeat() {
    prepare("sse-resume", "r1");
    List<ServerSentEvent<String>> first =
        events("project=sse-resume&domain=development&run=r1", null)
            .take(2)
            .collectList()
            .block(WAIT);
    assertThat(first).hasSize(2);

    StepVerifier.create(events("project=sse-resume&domain=development&run=r1", first.get(0).id()))
        .assertNext(next -> assertThat(next.id()).isEqualTo(first.get(1).id()))
        .then(() -> record("sse-resume", "r1", "ACTION_PHASE_SUCCEEDED"))
        .assertNext(
            live ->
                assertThat(Long.parseLong(live.id()))
                    .isGreaterThan(Long.parseLong(first.get(1).id())))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void givenAnUnknownProjectOrABadLastEventId_thenAClearErrorBeforeAnyStream() {
    assertThat(status("/v1/events?project=no-such-project&domain=development", null))
        .isEqualTo(404);
    prepare("sse-bad", "r1");
    assertThat(status("/v1/events?project=sse-bad&domain=development", "abc")).isEqualTo(400);
    assertThat(status("/v1/events?domain=development", null)).isEqualTo(400);
  }

  private void prepare(String project, String run) {
    connect.call(ManagerApiTest.PROJECTS + "CreateProject", project(project));
    connect.call(ManagerApiTest.TASKS + "DeployTask", deployTask(project, "t", "v1"));
    connect.call(ManagerApiTest.RUNS + "CreateRun", createRun(project, run, "t", "v1"));
    record(project, run, "ACTION_PHASE_RUNNING");
  }

  private void record(String project, String run, String phase) {
    ConnectJson.Reply reply =
        connect.call(EVENTS, "{\"events\": [" + event(project, run, "a0", phase, 0) + "]}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  /** The stream's events, without its keep-alive comments. */
  private Flux<ServerSentEvent<String>> events(String query, String lastEventId) {
    return web.get()
        .uri("/v1/events?" + query)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(
            headers -> {
              if (lastEventId != null) {
                headers.set("Last-Event-ID", lastEventId);
              }
            })
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        .filter(event -> event.data() != null);
  }

  private int status(String uri, String lastEventId) {
    return web.get()
        .uri(uri)
        .headers(
            headers -> {
              if (lastEventId != null) {
                headers.set("Last-Event-ID", lastEventId);
              }
            })
        .exchangeToMono(
            response -> response.releaseBody().thenReturn(response.statusCode().value()))
        .block(WAIT);
  }
}
