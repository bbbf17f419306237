package io.aloft.manager;

import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static io.aloft.manager.ActionSteps.RUNS;
import static io.aloft.manager.ActionSteps.actionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DataProxyService.GetActionData and RunService.GetActionDataURIs over Connect. */
class ActionDataTest extends RunningManager {

  private static final String INPUTS =
      """
      {"literals": [
        {"name": "x", "value": {"scalar": {"primitive": {"integer": "21"}}}},
        {"name": "s", "value": {"scalar": {"primitive": {"stringValue": "hi"}}}}]}""";

  ConnectJson connect;
  ActionSteps steps;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void givenASucceededEchoRun_WhenItsDataIsRead_ThenItsOutputsEqualItsInputs() {
    steps.project("data-echo");
    steps.deploy("data-echo", "echo", "{\"type\": \"echo\"}");
    steps.run("data-echo", "r1", "echo", INPUTS);
    steps.awaitPhase("data-echo", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    JsonNode data = actionData("data-echo", "r1", "a0");

    assertThat(data.at("/inputs/literals")).hasSize(2);
    assertThat(data.at("/inputs/literals/0/name").asString()).isEqualTo("x");
    assertThat(data.at("/inputs/literals/0/value/scalar/primitive/integer").asString())
        .isEqualTo("21");
    assertThat(data.at("/outputs/literals")).isEqualTo(data.at("/inputs/literals"));
    JsonNode uris = dataUris("data-echo", "r1", "a0");
    assertThat(uris.at("/inputsUri").asString()).endsWith("/data-echo/development/r1/inputs");
    assertThat(uris.at("/outputsUri").asString()).endsWith("/a0/1/outputs.pb");
  }

  @Test
  void givenAnActionStillRunning_WhenItsDataIsRead_ThenInputsAndEmptyOutputs() {
    steps.project("data-busy");
    steps.deploy("data-busy", "busy", "{\"type\": \"external\"}");
    steps.run("data-busy", "r1", "busy", INPUTS);
    steps.awaitPhase("data-busy", "r1", "a0", "ACTION_PHASE_QUEUED");

    JsonNode data = actionData("data-busy", "r1", "a0");

    assertThat(data.at("/inputs/literals")).hasSize(2);
    assertThat(data.has("outputs")).as(data.toString()).isTrue();
    assertThat(data.at("/outputs/literals").isMissingNode()).isTrue();
    assertThat(dataUris("data-busy", "r1", "a0").has("outputsUri")).isFalse();
  }

  @Test
  void givenAFailedAction_WhenItsDataIsRead_ThenOutputsAreEmpty() {
    steps.project("data-failed");
    steps.deploy("data-failed", "spark", "{\"type\": \"spark\"}");
    steps.run("data-failed", "r1", "spark", INPUTS);
    steps.awaitPhase("data-failed", "r1", "a0", "ACTION_PHASE_FAILED");

    JsonNode data = actionData("data-failed", "r1", "a0");

    assertThat(data.at("/inputs/literals")).hasSize(2);
    assertThat(data.at("/outputs").isObject()).isTrue();
    assertThat(data.at("/outputs").isEmpty()).isTrue();
  }

  @Test
  void givenARunWithoutInputsThatSucceedsWithoutOutputs_WhenRead_ThenBothAreEmpty() {
    steps.project("data-noop");
    steps.deploy("data-noop", "nothing", "{\"type\": \"noop\"}");
    steps.run("data-noop", "r1", "nothing");
    steps.awaitPhase("data-noop", "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    JsonNode data = actionData("data-noop", "r1", "a0");

    assertThat(data.at("/inputs").isEmpty()).as(data.toString()).isTrue();
    assertThat(data.at("/outputs").isEmpty()).as(data.toString()).isTrue();
  }

  @Test
  void givenAMissingAction_WhenItsDataIsRead_ThenNotFound() {
    steps.project("data-missing");

    Reply data =
        connect.call(
            DATA_PROXY + "GetActionData",
            "{\"actionId\": " + actionId("data-missing", "nope", "a0") + "}");
    Reply uris =
        connect.call(
            RUNS + "GetActionDataURIs",
            "{\"actionId\": " + actionId("data-missing", "nope", "a0") + "}");

    assertThat(data.status()).isEqualTo(404);
    assertThat(data.body().at("/code").asString()).isEqualTo("not_found");
    assertThat(data.body().at("/message").asString()).contains("nope").contains("does not exist");
    assertThat(uris.status()).isEqualTo(404);
  }

  private JsonNode actionData(String project, String run, String action) {
    Reply reply =
        connect.call(
            DATA_PROXY + "GetActionData", "{\"actionId\": " + actionId(project, run, action) + "}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body();
  }

  private JsonNode dataUris(String project, String run, String action) {
    Reply reply =
        connect.call(
            RUNS + "GetActionDataURIs", "{\"actionId\": " + actionId(project, run, action) + "}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body();
  }
}
