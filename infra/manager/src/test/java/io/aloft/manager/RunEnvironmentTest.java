package io.aloft.manager;

import static io.aloft.manager.ActionSteps.RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a run gives all its actions. The RunSpec's environment variables reach the root's process
 * and, inherited, every child's (the reference's TaskAction envVars), and the run's start time
 * replaces {@code {{.runStartTime}}} in their container args: each task here exits non-zero unless
 * it sees them.
 */
class RunEnvironmentTest extends RunningManager {

  private static final String PROJECT = "exec-env";
  private static final String SCRIPT =
      "test \"$GREETING\" = 'hello world' && test \"$EMPTY\" = '' || exit 3";
  private static final String CHECK = ActionSteps.container(SCRIPT);
  private static final String CHILD_CHECK =
      """
      {"type": "container", "id": {"name": "kid", "version": "v1"},
       "container": {"args": ["sh", "-c", "%s"]}}"""
          .formatted(SCRIPT.replace("\"", "\\\""));

  ActionSteps steps;
  ConnectJson connect;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    steps = new ActionSteps(connect);
  }

  @Test
  void theRootAndItsChildrenRunWithTheRunSpecEnvironment() {
    steps.project(PROJECT);
    steps.deploy(PROJECT, "checks", CHECK);
    steps.deploy(PROJECT, "parent", "{\"type\": \"external\"}");

    runWithEnvironment("r1", "checks");
    steps.awaitPhase(PROJECT, "r1", "a0", "ACTION_PHASE_SUCCEEDED");

    runWithEnvironment("r2", "parent");
    steps.enqueue(
        PROJECT,
        "r2",
        "c0",
        "\"task\": {\"spec\": {\"taskTemplate\": " + CHILD_CHECK + ", \"shortName\": \"kid\"}}");
    steps.awaitPhase(PROJECT, "r2", "c0", "ACTION_PHASE_SUCCEEDED");
  }

  @Test
  void theRunStartTimeReplacesItsPlaceholderInTheRootsAndChildrensArgs() {
    String expectStart = "test \"$1\" = 2026-01-02T03:04:05Z || exit 3";
    steps.project(PROJECT + "-time");
    steps.deploy(PROJECT + "-time", "timed", argsCheck(expectStart));
    steps.deploy(PROJECT + "-time", "parent", "{\"type\": \"external\"}");

    for (String[] run : new String[][] {{"t1", "timed"}, {"t2", "parent"}}) {
      Reply reply =
          connect.call(
              RUNS + "CreateRun",
              """
              {"runId": {"project": "%s-time", "domain": "development", "name": "%s"},
               "taskId": {"project": "%s-time", "domain": "development", "name": "%s",
                          "version": "v1"},
               "runStartTime": "2026-01-02T03:04:05.678Z"}
              """
                  .formatted(PROJECT, run[0], PROJECT, run[1]));
      assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }
    steps.awaitPhase(PROJECT + "-time", "t1", "a0", "ACTION_PHASE_SUCCEEDED");
    steps.enqueue(
        PROJECT + "-time",
        "t2",
        "c0",
        "\"task\": {\"spec\": {\"taskTemplate\": "
            + argsCheck(expectStart, "\"id\": {\"name\": \"kid\", \"version\": \"v1\"},")
            + ", \"shortName\": \"kid\"}}");
    steps.awaitPhase(PROJECT + "-time", "t2", "c0", "ACTION_PHASE_SUCCEEDED");
  }

  @Test
  void withoutARunStartTimeThePlaceholderBecomesTheRunsCreationTime() {
    steps.project(PROJECT + "-now");
    steps.deploy(
        PROJECT + "-now",
        "timed",
        argsCheck("case \"$1\" in 20[0-9][0-9]-??-??T??:??:??Z) ;; *) exit 3;; esac"));

    steps.run(PROJECT + "-now", "r1", "timed");

    steps.awaitPhase(PROJECT + "-now", "r1", "a0", "ACTION_PHASE_SUCCEEDED");
  }

  /** A container task whose script gets the templated run start time as $1. */
  private static String argsCheck(String script) {
    return argsCheck(script, "");
  }

  private static String argsCheck(String script, String idField) {
    return """
        {"type": "container", %s
         "container": {"args": ["sh", "-c", "%s", "sh", "{{.runStartTime}}"]}}"""
        .formatted(idField, script.replace("\\", "\\\\").replace("\"", "\\\""));
  }

  @Test
  void aRunWithoutEnvironmentGetsNone() {
    steps.project(PROJECT + "-none");
    steps.deploy(PROJECT + "-none", "checks", CHECK);

    steps.run(PROJECT + "-none", "r1", "checks");

    steps.awaitPhase(PROJECT + "-none", "r1", "a0", "ACTION_PHASE_FAILED");
  }

  private void runWithEnvironment(String run, String task) {
    Reply reply =
        connect.call(
            RUNS + "CreateRun",
            """
            {"runId": {"project": "%s", "domain": "development", "name": "%s"},
             "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
             "runSpec": {"envs": {"values": [{"key": "GREETING", "value": "hello world"},
                                             {"key": "EMPTY", "value": ""}]}}}
            """
                .formatted(PROJECT, run, PROJECT, task));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }
}
