package io.aloft.manager;

import static io.aloft.manager.ActionSteps.RUNS;
import static io.aloft.manager.ActionSteps.actionId;
import static io.aloft.manager.ManagerTestSupport.runId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GetRunDetails and GetActionDetails with as_of, end to end: a run is moved step by step, the live
 * answers are kept with their positions and times, and the replayed answers at each point must
 * equal them field by field.
 */
class TimeTravelTest extends RunningManager {

  private static final String EVENTS = "/aloft.events.v1.EventsService/Record";

  private ConnectJson connect;
  private ActionSteps steps;
  private String P = "travel";

  /** What the live calls answered after one step, and the time of the run's last event then. */
  record Point(String lastEventTime, Map<String, JsonNode> live) {}

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void givenRunMovedThroughPhases_WhenAskedAsOfEachPoint_ThenWhatTheLiveCallsSaidThen() {
    steps.project(P);
    steps.deploy(P, "t", "{\"type\": \"external\"}");
    steps.run(P, "r1", "t");
    List<Point> points = new ArrayList<>();
    points.add(capture("r1", "a0"));
    record("r1", "a0", "ACTION_PHASE_RUNNING", 1, "2026-11-21T10:00:01.123456789Z", "");
    steps.awaitPhase(P, "r1", "a0", "ACTION_PHASE_RUNNING");
    points.add(capture("r1", "a0"));
    steps.enqueue(P, "r1", "c1", childTask());
    points.add(capture("r1", "a0", "c1"));
    record("r1", "c1", "ACTION_PHASE_RUNNING", 1, "2026-11-21T10:00:02Z", "");
    steps.awaitPhase(P, "r1", "c1", "ACTION_PHASE_RUNNING");
    points.add(capture("r1", "a0", "c1"));
    record("r1", "c1", "ACTION_PHASE_FAILED", 2, "2026-11-21T10:00:03.5005Z", failure());
    steps.awaitPhase(P, "r1", "c1", "ACTION_PHASE_FAILED");
    points.add(capture("r1", "a0", "c1"));
    abort("r1");
    steps.awaitPhase(P, "r1", "a0", "ACTION_PHASE_ABORTED");
    points.add(capture("r1", "a0", "c1"));

    assertThat(points.stream().map(p -> p.live().get("a0").get("position").asLong()))
        .as("every step moved the run")
        .doesNotHaveDuplicates()
        .isSorted();
    for (Point point : points) {
      point.live().forEach((action, live) -> assertSameAsOf("r1", action, live, point));
    }
    Point last = points.getLast();
    assertThat(runAsOf("r1", "{\"position\": " + Long.MAX_VALUE + "}").body())
        .as("a position past the head reads the current state")
        .isEqualTo(last.live().get("a0"));
    assertThat(runAsOf("r1", "{\"time\": \"2999-01-01T00:00:00Z\"}").body())
        .as("a future time reads the current state")
        .isEqualTo(last.live().get("a0"));
  }

  @Test
  void givenPointsBeforeCreation_WhenAskedAsOf_ThenNotFoundSayingItDidNotExistYet() {
    P = "travel-early";
    steps.project(P);
    steps.deploy(P, "t", "{\"type\": \"external\"}");
    steps.run(P, "r1", "t");
    long created = position("r1", "a0");
    Reply before = call("GetRunDetails", "runId", runId(P, "r1"), created - 1);
    assertThat(before.status()).isEqualTo(404);
    assertThat(before.body().get("message").asString())
        .isEqualTo(
            "run travel-early/development/r1 did not exist at position "
                + (created - 1)
                + "; ask for a later point, or check the names");
    Reply child = call("GetActionDetails", "actionId", actionId(P, "r1", "nope"), created);
    assertThat(child.status()).isEqualTo(404);
    assertThat(runAsOf("r1", "{\"time\": \"2001-01-01T00:00:00Z\"}").status()).isEqualTo(404);
    Reply negative = call("GetRunDetails", "runId", runId(P, "r1"), -5);
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body().get("code").asString()).isEqualTo("invalid_argument");
  }

  private long position(String run, String action) {
    return capture(run, action).live().get(action).get("position").asLong();
  }

  private void assertSameAsOf(String run, String action, JsonNode live, Point point) {
    String position = "{\"position\": " + live.get("position").asLong() + "}";
    String time = "{\"time\": \"" + point.lastEventTime() + "\"}";
    for (String asOf : List.of(position, time)) {
      Reply replayed =
          action.equals("a0")
              ? runAsOf(run, asOf)
              : connect.call(
                  RUNS + "GetActionDetails",
                  "{\"actionId\": " + actionId(P, run, action) + ", \"asOf\": " + asOf + "}");
      assertThat(replayed.status()).as(replayed.body().toString()).isEqualTo(200);
      assertThat(replayed.body()).as(action + " as of " + asOf).isEqualTo(live);
    }
  }

  private Reply runAsOf(String run, String asOf) {
    return connect.call(
        RUNS + "GetRunDetails", "{\"runId\": " + runId(P, run) + ", \"asOf\": " + asOf + "}");
  }

  private Reply call(String method, String idField, String id, long position) {
    return connect.call(
        RUNS + method,
        "{\"" + idField + "\": " + id + ", \"asOf\": {\"position\": " + position + "}}");
  }

  /** The live answers for the run and the given actions, and the time of the last event. */
  private Point capture(String run, String... actions) {
    Map<String, JsonNode> live = new LinkedHashMap<>();
    for (String action : actions) {
      Reply reply =
          action.equals("a0")
              ? connect.call(RUNS + "GetRunDetails", "{\"runId\": " + runId(P, run) + "}")
              : connect.call(
                  RUNS + "GetActionDetails", "{\"actionId\": " + actionId(P, run, action) + "}");
      assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
      live.put(action, reply.body());
    }
    Reply events =
        connect.call(
            RUNS + "ListActionEvents", "{\"runId\": " + runId(P, run) + ", \"limit\": 200}");
    JsonNode list = events.body().get("events");
    return new Point(list.get(list.size() - 1).get("timestamp").asString(), live);
  }

  private void record(
      String run, String action, String phase, int version, String time, String extra) {
    Reply reply =
        connect.call(
            EVENTS,
            """
            {"events": [{"id": {"run": %s, "name": "%s"}, "attempt": 1, "phase": "%s",
              "version": %d, "updatedTime": "%s", "reportedTime": "%s",
              "logInfo": [{"name": "stdout", "uri": "file:///logs/%s-%d"}]%s}]}"""
                .formatted(
                    runId(P, run), action, phase, version, time, time, action, version, extra));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private static String failure() {
    return ", \"errorInfo\": {\"code\": \"E1\", \"message\": \"boom\", \"kind\": \"KIND_USER\"}";
  }

  private void abort(String run) {
    Reply reply =
        connect.call(
            RUNS + "AbortRun",
            "{\"runId\": " + runId(P, run) + ", \"reason\": \"changed my mind\"}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  private static String childTask() {
    return """
        "task": {"id": {"project": "travel", "domain": "development", "name": "t",
                        "version": "v1"},
                 "spec": {"taskTemplate": {"type": "external"}, "shortName": "t"}}""";
  }
}
