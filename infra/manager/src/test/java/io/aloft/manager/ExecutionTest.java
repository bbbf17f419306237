package io.aloft.manager;

import static io.aloft.manager.ManagerTestSupport.project;
import static io.aloft.manager.ManagerTestSupport.runId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.watch.ProjectionSync;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.manager.ConnectJson.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Runs really execute: CreateRun → TaskAction → plugin → events → projections, over Connect. */
class ExecutionTest extends RunningManager {

  static final String RUNS = "/aloft.run.v1.RunService/";
  static final String ENQUEUE = "/aloft.actions.v1.ActionsService/Enqueue";

  ConnectJson connect;
  @Autowired CommandPort commands;
  @Autowired ProjectionSync sync;
  @Autowired ActionDispatcher dispatcher;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
  }

  @Test
  void aNoopRunSucceedsOnItsOwn() {
    setUp("exec-noop");
    deploy("exec-noop", "nothing", "{\"type\": \"noop\"}");

    run("exec-noop", "r1", "nothing");

    JsonNode details = awaitPhase("exec-noop", "r1", "a0", "ACTION_PHASE_SUCCEEDED");
    assertThat(details.at("/status/attempts").asInt()).isEqualTo(1);
  }

  @Test
  void anUnknownTaskTypeFailsWithPluginNotFound() {
    setUp("exec-unknown");
    deploy("exec-unknown", "spark", "{\"type\": \"spark\"}");

    run("exec-unknown", "r1", "spark");

    JsonNode details = awaitPhase("exec-unknown", "r1", "a0", "ACTION_PHASE_FAILED");
    assertThat(details.at("/errorInfo/code").asString()).isEqualTo("PluginNotFound");
    assertThat(details.at("/errorInfo/message").asString()).contains("spark").contains("noop");
  }

  @Test
  void childrenRunAndTheFirstOnePromotesItsParent() {
    setUp("exec-kids");
    deploy("exec-kids", "parent", "{\"type\": \"external\"}");
    run("exec-kids", "r1", "parent");

    for (int i = 0; i < 3; i++) {
      Reply enqueued = connect.call(ENQUEUE, child("exec-kids", "r1", "c" + i));
      assertThat(enqueued.status()).as(enqueued.body().toString()).isEqualTo(200);
    }

    awaitPhase("exec-kids", "r1", "a0", "ACTION_PHASE_RUNNING");
    for (int i = 0; i < 3; i++) {
      awaitPhase("exec-kids", "r1", "c" + i, "ACTION_PHASE_SUCCEEDED");
    }
  }

  @Test
  void aTraceIsRecordedAsSucceeded() {
    setUp("exec-trace");
    deploy("exec-trace", "parent", "{\"type\": \"external\"}");
    run("exec-trace", "r1", "parent");

    Reply enqueued =
        connect.call(
            ENQUEUE,
            """
            {"action": {"actionId": {"run": %s, "name": "step"}, "parentActionName": "a0",
                        "inputUri": "s3://aloft/in", "runOutputBase": "s3://aloft/out/",
                        "trace": {"name": "step", "phase": "ACTION_PHASE_SUCCEEDED"}}}
            """
                .formatted(runId("exec-trace", "r1")));
    assertThat(enqueued.status()).as(enqueued.body().toString()).isEqualTo(200);

    awaitPhase("exec-trace", "r1", "step", "ACTION_PHASE_SUCCEEDED");
  }

  @Test
  void aParentWatchesItsChildrenFinishAndReadsTheirOutputUris() {
    setUp("exec-watch");
    deploy("exec-watch", "parent", "{\"type\": \"external\"}");
    run("exec-watch", "r1", "parent");
    var updates =
        connect.stream(
                "/aloft.actions.v1.ActionsService/WatchForUpdates",
                "{\"parentActionId\": {\"run\": "
                    + runId("exec-watch", "r1")
                    + ", \"name\": \"a0\"}}")
            .filter(frame -> !frame.endOfStream())
            .map(frame -> frame.body().path("actionUpdate"))
            .filter(update -> update.at("/actionId/name").asString("").equals("c0"))
            .filter(update -> update.path("phase").asString("").equals("ACTION_PHASE_SUCCEEDED"));

    reactor.test.StepVerifier.create(updates.take(1))
        .then(() -> connect.call(ENQUEUE, child("exec-watch", "r1", "c0", "echo")))
        .assertNext(
            update -> assertThat(update.path("outputUri").asString()).endsWith("/c0/1/outputs.pb"))
        .verifyComplete();
  }

  @Test
  void abortingARunAbortsEveryDescendant() {
    setUp("exec-abort");
    deploy("exec-abort", "parent", "{\"type\": \"external\"}");
    run("exec-abort", "r1", "parent");
    connect.call(ENQUEUE, child("exec-abort", "r1", "c0", "external"));

    Reply aborted =
        connect.call(RUNS + "AbortRun", "{\"runId\": " + runId("exec-abort", "r1") + "}");
    assertThat(aborted.status()).as(aborted.body().toString()).isEqualTo(200);

    awaitPhase("exec-abort", "r1", "a0", "ACTION_PHASE_ABORTED");
    awaitPhase("exec-abort", "r1", "c0", "ACTION_PHASE_ABORTED");
  }

  @Test
  void aContainerTaskComputesItsOutputsFromItsInputs() {
    setUp("exec-sh");
    deploy(
        "exec-sh",
        "double",
        container(
            "echo $(( $(cat $ALOFT_INPUT_DIR/x) * 2 )) > $ALOFT_OUTPUT_DIR/y",
            ", \"interface\": " + INT_IN_OUT));

    run(
        "exec-sh",
        "r1",
        "double",
        "{\"literals\": [{\"name\": \"x\", \"value\": "
            + "{\"scalar\": {\"primitive\": {\"integer\": \"21\"}}}}]}");

    JsonNode details = awaitPhase("exec-sh", "r1", "a0", "ACTION_PHASE_SUCCEEDED");
    assertThat(details.at("/attempts/0/outputs/outputUri").asString()).endsWith("/a0/1/outputs.pb");
  }

  @Test
  void aRetryableFailureIsRetriedInPlaceAndSucceedsOnTheSecondAttempt() {
    setUp("exec-retry");
    deploy(
        "exec-retry",
        "flaky",
        container(
            "[ \"$ALOFT_ATTEMPT\" = 1 ] && { echo first try fails; exit 3; }; echo ok",
            ", \"metadata\": {\"retries\": {\"retries\": 1}}"));

    run("exec-retry", "r1", "flaky");

    JsonNode details = awaitPhase("exec-retry", "r1", "a0", "ACTION_PHASE_SUCCEEDED");
    assertThat(details.at("/status/attempts").asInt()).isEqualTo(2);
    assertThat(details.at("/attempts/0/phase").asString()).isEqualTo("ACTION_PHASE_FAILED");
    assertThat(details.at("/attempts/0/errorInfo/code").asString()).isEqualTo("NonZeroExit");
  }

  @Test
  void aTaskRunningPastItsTimeoutEndsTimedOut() {
    setUp("exec-timeout");
    deploy("exec-timeout", "slow", container("sleep 60", ", \"metadata\": {\"timeout\": \"1s\"}"));

    run("exec-timeout", "r1", "slow");

    JsonNode details = awaitPhase("exec-timeout", "r1", "a0", "ACTION_PHASE_TIMED_OUT");
    assertThat(details.at("/errorInfo/code").asString()).isEqualTo("TaskTimedOut");
  }

  @Test
  void aCommandThatDoesNotExistFailsClearly() {
    setUp("exec-nocmd");
    deploy(
        "exec-nocmd",
        "missing",
        "{\"type\": \"container\", \"container\": {\"args\": [\"no-such-command-x\"]}}");

    run("exec-nocmd", "r1", "missing");

    JsonNode details = awaitPhase("exec-nocmd", "r1", "a0", "ACTION_PHASE_FAILED");
    assertThat(details.at("/errorInfo/message").asString()).contains("no-such-command-x");
  }

  @Test
  void anErrorFileFailsTheTaskWithItsMessage() {
    setUp("exec-err");
    deploy("exec-err", "oops", container("echo 'bad input row 7' > $ALOFT_OUTPUT_DIR/_ERROR", ""));

    run("exec-err", "r1", "oops");

    JsonNode details = awaitPhase("exec-err", "r1", "a0", "ACTION_PHASE_FAILED");
    assertThat(details.at("/errorInfo/message").asString()).contains("bad input row 7");
    assertThat(details.at("/errorInfo/kind").asString()).isEqualTo("ERROR_KIND_USER");
  }

  @Test
  void aDeclaredOutputThatIsMissingOrMistypedFailsTheTask() {
    setUp("exec-out");
    deploy("exec-out", "none", container("true", ", \"interface\": " + INT_IN_OUT));
    deploy(
        "exec-out",
        "text",
        container("echo not-a-number > $ALOFT_OUTPUT_DIR/y", ", \"interface\": " + INT_IN_OUT));

    run("exec-out", "missing", "none");
    run("exec-out", "mistyped", "text");

    assertThat(
            awaitPhase("exec-out", "missing", "a0", "ACTION_PHASE_FAILED")
                .at("/errorInfo/message")
                .asString())
        .contains("y");
    assertThat(
            awaitPhase("exec-out", "mistyped", "a0", "ACTION_PHASE_FAILED")
                .at("/errorInfo/message")
                .asString())
        .contains("not-a-number");
  }

  @Test
  void abortingARunningProcessStopsItAndEndsAborted() throws Exception {
    setUp("exec-kill");
    java.nio.file.Path marker = java.nio.file.Files.createTempFile("aloft-abort-", ".pid");
    deploy("exec-kill", "forever", container("echo $$ > " + marker + "; exec sleep 600", ""));
    run("exec-kill", "r1", "forever");
    awaitPhase("exec-kill", "r1", "a0", "ACTION_PHASE_RUNNING");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !java.nio.file.Files.readString(marker).isBlank());
    long pid = Long.parseLong(java.nio.file.Files.readString(marker).trim());
    assertThat(ProcessHandle.of(pid)).isPresent();

    connect.call(RUNS + "AbortRun", "{\"runId\": " + runId("exec-kill", "r1") + "}");

    awaitPhase("exec-kill", "r1", "a0", "ACTION_PHASE_ABORTED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void aTaskActionWithMissingOrUndecodableSpecFieldsFailsAsInvalidSpec() {
    setUp("exec-spec");
    createBypassingTheApi("exec-spec", "no-input", "", new byte[0]);
    createBypassingTheApi("exec-spec", "garbage", "s3://aloft/in", new byte[] {(byte) 0xff, 1});

    JsonNode missing = awaitPhase("exec-spec", "no-input", "a0", "ACTION_PHASE_FAILED");
    assertThat(missing.at("/errorInfo/code").asString()).isEqualTo("InvalidSpec");
    assertThat(missing.at("/errorInfo/message").asString()).contains("inputUri");
    JsonNode garbage = awaitPhase("exec-spec", "garbage", "a0", "ACTION_PHASE_FAILED");
    assertThat(garbage.at("/errorInfo/code").asString()).isEqualTo("InvalidSpec");
  }

  /** The API refuses such specs, so the test writes the action the way a buggy client might. */
  private void createBypassingTheApi(String project, String run, String inputUri, byte[] spec) {
    ActionId root = ActionId.root(RunId.of(project, "development", run));
    TaskRef task =
        new TaskRef(TaskId.of(project, "development", "t", "v1"), "container", "t", null);
    commands
        .send(
            new CreateAction(
                root,
                null,
                ActionType.TASK,
                task,
                inputUri,
                "s3://aloft/metadata/" + project + "/development/" + run + "/",
                null,
                spec,
                null,
                null,
                null,
                null,
                Instant.now()))
        .then(sync.await(root, row -> true))
        .flatMap(dispatcher::dispatch)
        .block(Duration.ofSeconds(30));
  }

  // ---- helpers

  private static final String INT_IN_OUT =
      """
      {"inputs": {"variables": [{"key": "x", "value": {"type": {"simple": "SIMPLE_TYPE_INTEGER"}}}]},
       "outputs": {"variables": [{"key": "y", "value": {"type": {"simple": "SIMPLE_TYPE_INTEGER"}}}]}}""";

  private static String container(String script, String extra) {
    return """
        {"type": "container", "container": {"args": ["sh", "-c", "%s"]}%s}"""
        .formatted(script.replace("\\", "\\\\").replace("\"", "\\\""), extra);
  }

  private void setUp(String project) {
    assertThat(
            connect
                .call("/aloft.project.v1.ProjectService/CreateProject", project(project))
                .status())
        .isEqualTo(200);
  }

  private void deploy(String project, String task, String template) {
    Reply reply =
        connect.call(
            "/aloft.task.v1.TaskService/DeployTask",
            """
            {"taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
             "spec": {"taskTemplate": %s, "shortName": "%s"}}
            """
                .formatted(project, task, template, task));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private void run(String project, String run, String task) {
    Reply reply =
        connect.call(RUNS + "CreateRun", ManagerTestSupport.createRun(project, run, task, "v1"));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private void run(String project, String run, String task, String inputs) {
    String request =
        """
        {"runId": {"project": "%s", "domain": "development", "name": "%s"},
         "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
         "inputs": %s}
        """
            .formatted(project, run, project, task, inputs);
    Reply reply = connect.call(RUNS + "CreateRun", request);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private String child(String project, String run, String name) {
    return child(project, run, name, "noop");
  }

  private String child(String project, String run, String name, String type) {
    return """
        {"action": {"actionId": {"run": %s, "name": "%s"}, "parentActionName": "a0",
                    "inputUri": "s3://aloft/metadata/%s/development/%s/inputs",
                    "runOutputBase": "s3://aloft/metadata/%s/development/%s/",
                    "task": {"spec": {"taskTemplate": {"type": "%s", "id": {"name": "kid", "version": "v1"}},
                                      "shortName": "kid"}}}}
        """
        .formatted(runId(project, run), name, project, run, project, run, type);
  }

  private JsonNode awaitPhase(String project, String run, String action, String phase) {
    String request =
        "{\"actionId\": {\"run\": " + runId(project, run) + ", \"name\": \"" + action + "\"}}";
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              Reply reply = connect.call(RUNS + "GetActionDetails", request);
              last[0] = reply.body().get("details");
              assertThat(reply.body().at("/details/status/phase").asString())
                  .as(reply.body().toString())
                  .isEqualTo(phase);
            });
    return last[0];
  }
}
