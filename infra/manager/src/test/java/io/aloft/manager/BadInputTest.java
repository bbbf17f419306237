package io.aloft.manager;

import static io.aloft.manager.ManagerTestSupport.deployTask;
import static io.aloft.manager.ManagerTestSupport.event;
import static io.aloft.manager.ManagerTestSupport.project;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Frame;
import io.aloft.manager.ConnectJson.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bad input gets a typed Connect error whose message says what to fix, never a 5xx, and stored
 * state does not change.
 */
class BadInputTest extends RunningManager {

  static final String RUNS = "/aloft.run.v1.RunService/";

  ConnectJson connect;

  @BeforeEach
  void setUp() {
    connect = new ConnectJson(port);
    connect.call("/aloft.project.v1.ProjectService/CreateProject", project("bad"));
    connect.call("/aloft.task.v1.TaskService/DeployTask", deployTask("bad", "t", "v1"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "run name with capitals | "
            + RUNS
            + "CreateRun | "
            + "{\"runId\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"Bad_Name\"},"
            + " \"taskId\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"t\", \"version\": \"v1\"}}"
            + " | invalid_argument",
        "run name too long | "
            + RUNS
            + "CreateRun | "
            + "{\"runId\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"r123456789012345678901234567890x\"},"
            + " \"taskId\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"t\", \"version\": \"v1\"}}"
            + " | invalid_argument",
        "unknown project | "
            + RUNS
            + "CreateRun | "
            + "{\"runId\": {\"project\": \"nope\", \"domain\": \"development\", \"name\": \"r1\"},"
            + " \"taskId\": {\"project\": \"nope\", \"domain\": \"development\", \"name\": \"t\", \"version\": \"v1\"}}"
            + " | not_found",
        "unknown task version | "
            + RUNS
            + "CreateRun | "
            + "{\"runId\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"r2\"},"
            + " \"taskId\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"t\", \"version\": \"v9\"}}"
            + " | not_found",
        "missing task | "
            + RUNS
            + "CreateRun | "
            + "{\"runId\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"r3\"}} | invalid_argument",
        "empty project name | /aloft.project.v1.ProjectService/CreateProject | "
            + "{\"project\": {\"id\": {\"name\": \"\"}}} | invalid_argument",
        "oversized limit | "
            + RUNS
            + "ListRuns | "
            + "{\"request\": {\"limit\": 500}, \"projectId\": {\"project\": \"bad\", \"domain\": \"development\"}}"
            + " | invalid_argument",
        "negative limit | "
            + RUNS
            + "ListRuns | "
            + "{\"request\": {\"limit\": -1}, \"projectId\": {\"project\": \"bad\", \"domain\": \"development\"}}"
            + " | invalid_argument",
        "malformed token | "
            + RUNS
            + "ListRuns | "
            + "{\"request\": {\"token\": \"abc\"}, \"projectId\": {\"project\": \"bad\", \"domain\": \"development\"}}"
            + " | invalid_argument",
        "phase that makes no sense | /aloft.events.v1.EventsService/Record | "
            + "{\"events\": [{\"id\": {\"run\": {\"project\": \"bad\", \"domain\": \"development\", \"name\": \"r1\"},"
            + " \"name\": \"a0\"}, \"attempt\": 1}]} | invalid_argument",
        "no events | /aloft.events.v1.EventsService/Record | {\"events\": []} | invalid_argument",
        "malformed JSON | " + RUNS + "ListRuns | {\"request\": | invalid_argument",
      })
  void givenBadRequest_ThenTypedErrorAndNothingStored(
      String name, String path, String body, String code) {
    int runsBefore = countRuns();
    Reply reply = connect.call(path.strip(), body.strip());

    assertThat(reply.status()).as(reply.body().toString()).isBetween(400, 499);
    assertThat(reply.body().get("code").asString()).isEqualTo(code.strip());
    assertThat(reply.body().get("message").asString()).isNotBlank();
    assertThat(countRuns()).isEqualTo(runsBefore);
  }

  @Test
  void givenUnknownMethod_ThenUnimplemented() {
    Reply reply = connect.call("/aloft.run.v1.RunService/Fly", "{}");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().get("code").asString()).isEqualTo("unimplemented");
  }

  @Test
  void givenWrongContentType_Then415WithConnectError() {
    var response =
        WebClient.create("http://localhost:" + port)
            .post()
            .uri(RUNS + "ListRuns")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("hello")
            .exchangeToMono(r -> r.bodyToMono(String.class).map(b -> r.statusCode().value() + b))
            .block();
    assertThat(response).startsWith("415").contains("invalid_argument");
  }

  @Test
  void givenTruncatedEnvelope_ThenStreamEndsWithInvalidArgument() {
    byte[] truncated = {0, 0, 0, 0, 50, '{'};
    List<Frame> frames =
        WebClient.create("http://localhost:" + port)
            .post()
            .uri(RUNS + "WatchRuns")
            .contentType(MediaType.parseMediaType("application/connect+json"))
            .bodyValue(truncated)
            .retrieve()
            .bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class)
            .concatMapIterable(new ConnectJson.FrameParser()::feed)
            .collectList()
            .block();
    assertThat(frames).last().satisfies(f -> assertThat(f.endOfStream()).isTrue());
    assertThat(frames.getLast().body().at("/error/code").asString()).isEqualTo("invalid_argument");
  }

  @Test
  void givenRecordForUnknownRun_ThenNotFound() {
    Reply reply =
        connect.call(
            "/aloft.events.v1.EventsService/Record",
            "{\"events\": [" + event("bad", "ghost", "a0", "ACTION_PHASE_RUNNING", 0) + "]}");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().get("message").asString()).contains("does not exist");
  }

  @Test
  void givenDifferentSpecForSameVersion_ThenAlreadyExists() {
    Reply reply =
        connect.call(
            "/aloft.task.v1.TaskService/DeployTask",
            deployTask("bad", "t", "v1").replace("alpine", "busybox"));
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body().get("code").asString()).isEqualTo("already_exists");
  }

  private int countRuns() {
    Reply list =
        connect.call(
            RUNS + "ListRuns",
            "{\"request\": {\"limit\": 200}, \"projectId\": {\"project\": \"bad\", \"domain\": \"development\"}}");
    var runs = list.body().get("runs");
    return runs == null ? 0 : runs.size();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
