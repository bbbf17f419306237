package io.aloft.manager;

import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static io.aloft.manager.ActionSteps.actionId;
import static io.aloft.manager.ManagerTestSupport.createRun;
import static io.aloft.manager.ManagerTestSupport.deployTask;
import static io.aloft.manager.ManagerTestSupport.project;
import static io.aloft.manager.ManagerTestSupport.runId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.manager.ConnectJson.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DataProxyService.CreateDownloadLink over Connect: the report an executor names in an
 * EventsService.Record event (outputs.report_uri) is linked with a signed GET URL that works
 * against the embedded S3 server.
 */
class DownloadLinkTest extends RunningManager {

  private static final String EVENTS = "/aloft.events.v1.EventsService/Record";
  private static final String REPORT_HTML = "<html><body>report</body></html>";

  @Autowired DataStore store;
  private final HttpClient http = HttpClient.newHttpClient();
  ConnectJson connect;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
  }

  @Test
  void givenARecordedAndStoredReport_WhenALinkIsCreated_ThenItsUrlGetsTheReport() throws Exception {
    String report = runWithReport("links", "r1");
    store
        .put(
            StorageUri.parse(report),
            REPORT_HTML.getBytes(StandardCharsets.UTF_8),
            PutOptions.none())
        .block(Duration.ofSeconds(10));

    Reply link = awaitLink("links", "r1", 1, "\"expiresIn\": \"300s\"");

    String url = link.body().at("/preSignedUrls/signedUrl/0").asString();
    assertThat(Instant.parse(link.body().at("/preSignedUrls/expiresAt").asString()))
        .isBetween(Instant.now().plusSeconds(200), Instant.now().plusSeconds(301));
    HttpResponse<String> got =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(REPORT_HTML);
  }

  @Test
  void givenATaskThatWritesAReport_WhenItSucceeds_ThenItsLinkServesTheReport() throws Exception {
    ActionSteps steps = new ActionSteps(connect);
    steps.project("links-local");
    steps.deploy(
        "links-local",
        "reporter",
        """
        {"type": "container",
         "container": {"args": ["sh", "-c",
           "echo 7 > $ALOFT_OUTPUT_DIR/n; echo '<h1>seven</h1>' > $ALOFT_OUTPUT_DIR/report.html"]},
         "interface": {"outputs": {"variables": [
           {"key": "n", "value": {"type": {"simple": "SIMPLE_TYPE_INTEGER"}}}]}}}""");
    steps.run("links-local", "r1", "reporter");
    steps.awaitPhase("links-local", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    Reply link = awaitLink("links-local", "r1", 1, "");

    HttpResponse<String> got =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(link.body().at("/preSignedUrls/signedUrl/0").asString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("<h1>seven</h1>\n");
    assertThat(got.headers().firstValue("Content-Type")).hasValue("text/html");
  }

  @Test
  void givenBadOrUnanswerableRequests_WhenALinkIsAsked_ThenTheReasonAndItsCode() {
    runWithReport("links-bad", "r1");
    // Once the projection shows the attempt, the missing object is what is left.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                expectError(
                    link("links-bad", "r1", 1, ""),
                    404,
                    "not_found",
                    "at 's3://aloft/reports/links-bad/r1/report.html' does not exist"));

    expectError(
        link("links-bad", "r1", 1, "\"expiresIn\": \"3601s\""),
        400,
        "invalid_argument",
        "exceeds maximum allowed duration");
    expectError(link("links-bad", "r1", 2, ""), 404, "not_found", "has no attempt 2");
    expectError(
        connect.call(
            DATA_PROXY + "CreateDownloadLink",
            "{\"artifactType\": \"ARTIFACT_TYPE_CODE_BUNDLE\", \"actionAttemptId\": "
                + attemptId("links-bad", "r1", 1)
                + "}"),
        400,
        "invalid_argument",
        "artifact_type is required");
    expectError(
        connect.call(
            DATA_PROXY + "CreateDownloadLink", "{\"artifactType\": \"ARTIFACT_TYPE_REPORT\"}"),
        400,
        "invalid_argument",
        "action_attempt_id is required");
  }

  /** A run whose root's first attempt reported a report (while running) and then succeeded. */
  private String runWithReport(String project, String run) {
    assertThat(
            connect
                .call("/aloft.project.v1.ProjectService/CreateProject", project(project))
                .status())
        .isEqualTo(200);
    assertThat(
            connect
                .call("/aloft.task.v1.TaskService/DeployTask", deployTask(project, "t", "v1"))
                .status())
        .isEqualTo(200);
    Reply created =
        connect.call(ActionSteps.RUNS + "CreateRun", createRun(project, run, "t", "v1"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    String report = "s3://aloft/reports/" + project + "/" + run + "/report.html";
    record(
        project,
        run,
        "ACTION_PHASE_RUNNING",
        1,
        ", \"outputs\": {\"reportUri\": \"" + report + "\"}");
    record(project, run, "ACTION_PHASE_SUCCEEDED", 2, "");
    return report;
  }

  private void record(String project, String run, String phase, int version, String extra) {
    String event =
        """
        {"id": {"run": %s, "name": "a0"}, "attempt": 1, "phase": "%s", "version": %d,
         "updatedTime": "2026-11-21T10:00:0%dZ"%s}"""
            .formatted(runId(project, run), phase, version, version, extra);
    Reply reply = connect.call(EVENTS, "{\"events\": [" + event + "]}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private Reply awaitLink(String project, String run, int attempt, String fields) {
    Reply[] ok = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ok[0] = link(project, run, attempt, fields);
              assertThat(ok[0].status()).as(ok[0].body().toString()).isEqualTo(200);
            });
    return ok[0];
  }

  private Reply link(String project, String run, int attempt, String fields) {
    return connect.call(
        DATA_PROXY + "CreateDownloadLink",
        "{\"artifactType\": \"ARTIFACT_TYPE_REPORT\", \"actionAttemptId\": "
            + attemptId(project, run, attempt)
            + (fields.isEmpty() ? "" : ", " + fields)
            + "}");
  }

  private static String attemptId(String project, String run, int attempt) {
    return "{\"actionId\": " + actionId(project, run, "a0") + ", \"attempt\": " + attempt + "}";
  }

  private static void expectError(Reply reply, int status, String code, String message) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.body().at("/code").asString()).isEqualTo(code);
    assertThat(reply.body().at("/message").asString()).contains(message);
  }
}
