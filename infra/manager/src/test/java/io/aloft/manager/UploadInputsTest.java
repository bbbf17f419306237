package io.aloft.manager;

import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static io.aloft.manager.ActionSteps.RUNS;
import static io.aloft.manager.ActionSteps.actionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DataProxyService.UploadInputs over Connect, and runs that take the uploaded inputs. */
class UploadInputsTest extends RunningManager {

  /**
   * The hash of Inputs{literals: [x = 21]}: FNV-64a over its 13 wire bytes {@code
   * 0a0b0a017812060a040a020815}, base64url without padding (computed independently).
   */
  private static final String X21_HASH = "ImpK6TmEMAw";

  private static final String X =
      "{\"name\": \"x\", \"value\": {\"scalar\": {\"primitive\": {\"integer\": \"21\"}}}}";

  ConnectJson connect;
  ActionSteps steps;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void givenInputs_WhenUploadedTwice_ThenSamePinnedHashAndDirectory() {
    steps.project("up-pin");
    steps.deploy("up-pin", "echo", "{\"type\": \"echo\"}");

    JsonNode first = upload("up-pin", "echo", inputs(X), "");
    JsonNode second = upload("up-pin", "echo", inputs(X), "");

    assertThat(first.at("/inputsHash").asString()).isEqualTo(X21_HASH);
    assertThat(first.at("/uri").asString())
        .isEqualTo("s3://aloft/uploads/up-pin/development/offloaded-inputs/" + X21_HASH);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void givenCacheIgnoredInput_WhenUploaded_ThenHashIgnoresItButRunSeesIt() {
    steps.project("up-echo");
    steps.deploy(
        "up-echo",
        "echo",
        "{\"type\": \"echo\", \"metadata\": {\"cacheIgnoreInputVars\": [\"s\"]}}");

    JsonNode hi = upload("up-echo", "echo", inputs(X, string("hi")), "");
    JsonNode other = upload("up-echo", "echo", inputs(X, string("other")), "");

    assertThat(hi.at("/inputsHash").asString()).isEqualTo(X21_HASH);
    assertThat(other).isEqualTo(hi);
    runWithOffloaded("up-echo", "r1", "echo", other.at("/uri").asString());
    steps.awaitPhase("up-echo", "r1", "a0", "ACTION_PHASE_SUCCEEDED");
    JsonNode outputs = actionData("up-echo", "r1").at("/outputs/literals");
    assertThat(outputs).hasSize(2);
    assertThat(outputs.at("/1/value/scalar/primitive/stringValue").asString()).isEqualTo("other");
  }

  @Test
  void givenAnInputAboveTheOffloadThreshold_WhenUploaded_ThenStoredApartAndReferenced() {
    steps.project("up-big");
    steps.deploy("up-big", "echo", "{\"type\": \"echo\"}");
    String big = "y".repeat(1_200_000);

    JsonNode uploaded = upload("up-big", "echo", inputs(X, string(big)), "");
    runWithOffloaded("up-big", "r1", "echo", uploaded.at("/uri").asString());

    steps.awaitPhase("up-big", "r1", "a0", "ACTION_PHASE_SUCCEEDED");
    JsonNode data = actionData("up-big", "r1");
    JsonNode stored = data.at("/inputs/literals/1/value/offloadedMetadata");
    assertThat(stored.at("/uri").asString())
        .isEqualTo(uploaded.at("/uri").asString() + "/offloaded/s.pb");
    assertThat(Long.parseLong(stored.at("/sizeBytes").asString())).isGreaterThan(1_200_000);
    assertThat(data.toString().length()).as("the answer stays small").isLessThan(10_000);
  }

  @Test
  void givenBaseDir_WhenUploaded_ThenStoredUnderItAndRunnable() {
    steps.project("up-base");
    steps.deploy("up-base", "echo", "{\"type\": \"echo\"}");

    JsonNode uploaded = upload("up-base", "echo", inputs(X), "s3://aloft/custom//");

    assertThat(uploaded.at("/uri").asString())
        .isEqualTo("s3://aloft/custom/up-base/development/offloaded-inputs/" + X21_HASH);
    runWithOffloaded("up-base", "r1", "echo", uploaded.at("/uri").asString());
    steps.awaitPhase("up-base", "r1", "a0", "ACTION_PHASE_SUCCEEDED");
    assertThat(actionData("up-base", "r1").at("/outputs/literals/0/name").asString())
        .isEqualTo("x");
  }

  @Test
  void givenMissingProjectTaskOrId_WhenUploaded_ThenNotFoundOrInvalid() {
    steps.project("up-bad");

    Reply noProject = call("up-nope", "echo", inputs(X));
    Reply noTask = call("up-bad", "missing", inputs(X));
    Reply noId = connect.call(DATA_PROXY + "UploadInputs", "{\"inputs\": " + inputs(X) + "}");

    assertThat(noProject.body().at("/code").asString()).isEqualTo("not_found");
    assertThat(noTask.body().at("/code").asString()).isEqualTo("not_found");
    assertThat(noTask.body().at("/message").asString()).contains("missing");
    assertThat(noId.body().at("/code").asString()).isEqualTo("invalid_argument");
  }

  private JsonNode upload(String project, String task, String inputs, String baseDir) {
    Reply reply =
        connect.call(
            DATA_PROXY + "UploadInputs",
            """
            {"projectId": {"project": "%s", "domain": "development"},
             "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
             "inputs": %s, "baseDir": "%s"}
            """
                .formatted(project, project, task, inputs, baseDir));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body().get("offloadedInputData");
  }

  private Reply call(String project, String task, String inputs) {
    return connect.call(
        DATA_PROXY + "UploadInputs",
        """
        {"projectId": {"project": "%s", "domain": "development"},
         "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
         "inputs": %s}
        """
            .formatted(project, project, task, inputs));
  }

  private void runWithOffloaded(String project, String run, String task, String uri) {
    Reply reply =
        connect.call(
            RUNS + "CreateRun",
            """
            {"runId": {"project": "%s", "domain": "development", "name": "%s"},
             "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
             "offloadedInputData": {"uri": "%s"}}
            """
                .formatted(project, run, project, task, uri));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private JsonNode actionData(String project, String run) {
    Reply reply =
        connect.call(
            DATA_PROXY + "GetActionData", "{\"actionId\": " + actionId(project, run, "a0") + "}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body();
  }

  private static String inputs(String... literals) {
    return "{\"literals\": [" + String.join(", ", literals) + "]}";
  }

  private static String string(String value) {
    return "{\"name\": \"s\", \"value\": {\"scalar\": {\"primitive\": {\"stringValue\": \""
        + value
        + "\"}}}}";
  }
}
