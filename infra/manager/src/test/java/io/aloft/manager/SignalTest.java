package io.aloft.manager;

import static io.aloft.manager.ActionSteps.ACTIONS;
import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static io.aloft.manager.ActionSteps.RUNS;
import static io.aloft.manager.ActionSteps.actionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * RunService.SignalEvent and ActionsService.Signal: a condition child waits PAUSED under a root
 * that never finishes on its own, until it gets its value or its timeout passes.
 */
class SignalTest extends RunningManager {

  ConnectJson connect;
  ActionSteps steps;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void givenAWaitingCondition_WhenSignalledTrue_ThenItSucceedsWithTheValueAsO0() {
    waitingCondition("sig-true", "SIMPLE_TYPE_BOOLEAN", "60s");

    Reply reply = signalEvent("sig-true", "\"boolValue\": true");

    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    steps.awaitPhase("sig-true", "r1", "approve", "ACTION_PHASE_SUCCEEDED");
    JsonNode data =
        connect
            .call(
                DATA_PROXY + "GetActionData",
                "{\"actionId\": " + actionId("sig-true", "r1", "approve") + "}")
            .body();
    assertThat(data.at("/outputs/literals/0/name").asString()).isEqualTo("o0");
    assertThat(data.at("/outputs/literals/0/value/scalar/primitive/boolean").asBoolean()).isTrue();
  }

  @Test
  void givenAWaitingCondition_WhenSignalledThroughActionsService_ThenItSucceeds() {
    waitingCondition("sig-actions", "SIMPLE_TYPE_INTEGER", "60s");

    Reply reply =
        connect.call(
            ACTIONS + "Signal",
            """
            {"actionId": %s, "parentActionName": "a0",
             "value": {"scalar": {"primitive": {"integer": "42"}}}}"""
                .formatted(actionId("sig-actions", "r1", "approve")));

    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    steps.awaitPhase("sig-actions", "r1", "approve", "ACTION_PHASE_SUCCEEDED");
    JsonNode update =
        connect.stream(
                ACTIONS + "WatchForUpdates",
                "{\"parentActionId\": " + actionId("sig-actions", "r1", "a0") + "}")
            .filter(frame -> !frame.endOfStream())
            .map(frame -> frame.body().path("actionUpdate"))
            .filter(u -> u.at("/actionId/name").asString("").equals("approve"))
            .blockFirst(java.time.Duration.ofSeconds(30));
    assertThat(update.path("phase").asString()).isEqualTo("ACTION_PHASE_SUCCEEDED");
    assertThat(update.at("/value/scalar/primitive/integer").asString()).isEqualTo("42");
  }

  @Test
  void givenABooleanCondition_WhenSignalledWithAnInteger_ThenInvalidArgumentNamingBothTypes() {
    waitingCondition("sig-type", "SIMPLE_TYPE_BOOLEAN", "60s");

    Reply reply = signalEvent("sig-type", "\"intValue\": \"7\"");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().at("/code").asString()).isEqualTo("invalid_argument");
    assertThat(reply.body().at("/message").asString()).contains("BOOLEAN").contains("INTEGER");
    assertThat(steps.details("sig-type", "r1", "approve").at("/status/phase").asString())
        .isEqualTo("ACTION_PHASE_PAUSED");
  }

  @Test
  void givenASignalledCondition_WhenSignalledWithAnotherValue_ThenFailedPrecondition() {
    waitingCondition("sig-twice", "SIMPLE_TYPE_STRING", "60s");
    assertThat(signalEvent("sig-twice", "\"stringValue\": \"yes\"").status()).isEqualTo(200);

    Reply again = signalEvent("sig-twice", "\"stringValue\": \"no\"");

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body().at("/code").asString()).isEqualTo("failed_precondition");
    assertThat(again.body().at("/message").asString()).contains("\"yes\"");
  }

  @Test
  void givenASignalledCondition_WhenSignalledWithTheSameValue_ThenOk() {
    waitingCondition("sig-same", "SIMPLE_TYPE_FLOAT", "60s");
    assertThat(signalEvent("sig-same", "\"floatValue\": 0.5").status()).isEqualTo(200);
    steps.awaitPhase("sig-same", "r1", "approve", "ACTION_PHASE_SUCCEEDED");

    Reply again = signalEvent("sig-same", "\"floatValue\": 0.5");

    assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
  }

  @Test
  void givenATask_WhenSignalled_ThenFailedPrecondition() {
    waitingCondition("sig-task", "SIMPLE_TYPE_BOOLEAN", "60s");

    Reply reply =
        connect.call(
            RUNS + "SignalEvent",
            "{\"actionId\": " + actionId("sig-task", "r1", "a0") + ", \"boolValue\": true}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().at("/code").asString()).isEqualTo("failed_precondition");
    assertThat(reply.body().at("/message").asString()).contains("not a condition");
  }

  @Test
  void givenAMissingAction_WhenSignalled_ThenNotFound() {
    waitingCondition("sig-missing", "SIMPLE_TYPE_BOOLEAN", "60s");

    Reply reply =
        connect.call(
            RUNS + "SignalEvent",
            "{\"actionId\": " + actionId("sig-missing", "r1", "nope") + ", \"boolValue\": true}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().at("/code").asString()).isEqualTo("not_found");
  }

  @Test
  void givenAConditionWithAOneSecondTimeout_WhenNobodySignals_ThenItEndsTimedOut() {
    waitingCondition("sig-timeout", "SIMPLE_TYPE_BOOLEAN", "1s");

    steps.awaitPhase("sig-timeout", "r1", "approve", "ACTION_PHASE_TIMED_OUT");

    Reply late = signalEvent("sig-timeout", "\"boolValue\": true");
    assertThat(late.body().at("/code").asString()).isEqualTo("failed_precondition");
  }

  /** A root that never finishes, with a condition child "approve" waiting in PAUSED. */
  private void waitingCondition(String project, String type, String timeout) {
    steps.project(project);
    steps.deploy(project, "root", "{\"type\": \"external\"}");
    steps.run(project, "r1", "root");
    steps.enqueue(
        project,
        "r1",
        "approve",
        """
        "condition": {"name": "approve", "type": {"simple": "%s"}, "timeout": "%s"}"""
            .formatted(type, timeout));
    if (!"1s".equals(timeout)) {
      steps.awaitPhase(project, "r1", "approve", "ACTION_PHASE_PAUSED");
    }
  }

  private Reply signalEvent(String project, String value) {
    return connect.call(
        RUNS + "SignalEvent",
        "{\"actionId\": " + actionId(project, "r1", "approve") + ", " + value + "}");
  }
}
