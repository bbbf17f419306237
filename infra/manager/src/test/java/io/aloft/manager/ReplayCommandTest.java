package io.aloft.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import io.aloft.manager.replay.ReplayCommandAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code aloft replay} against the manager of this test JVM, over the Connect API. */
class ReplayCommandTest extends RunningManager {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void givenRunWithHistory_WhenReplayed_ThenOneLinePerEventSayingWhoDidWhat() {
    ConnectJson connect = new ConnectJson(port);
    ActionSteps steps = new ActionSteps(connect);
    steps.project("replay");
    steps.deploy("replay", "t", "{\"type\": \"external\"}");
    steps.run("replay", "r1", "t");
    Reply failed =
        connect.call(
            "/aloft.events.v1.EventsService/Record",
            """
            {"events": [{"id": {"run": %s, "name": "a0"}, "attempt": 1,
              "phase": "ACTION_PHASE_FAILED", "version": 1, "cluster": "c-east",
              "updatedTime": "2026-11-21T10:00:00Z",
              "errorInfo": {"code": "OOMKilled", "message": "out of memory"}}]}"""
                .formatted(ManagerTestSupport.runId("replay", "r1")));
    assertThat(failed.status()).as(failed.body().toString()).isEqualTo(200);
    steps.awaitPhase("replay", "r1", "a0", "ACTION_PHASE_FAILED");

    int exit = replay("replay/development/r1", "--url", "http://localhost:" + port);

    assertThat(exit).as(text(err)).isZero();
    List<String> lines = text(out).lines().toList();
    assertThat(lines.getFirst()).startsWith("POSITION").contains("WHO", "WHAT");
    assertThat(lines.get(1)).contains("a0", "created, queued");
    assertThat(lines.get(2))
        .contains("a0", "executor@c-east", "attempt 1 -> FAILED (error OOMKilled: out of memory)");
    assertThat(lines.getLast()).isEqualTo("2 events");
  }

  @Test
  void givenUnknownRun_WhenReplayed_ThenExitOneSayingItDoesNotExist() {
    int exit = replay("replay/development/nope", "--url", "http://localhost:" + port);
    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("run replay/development/nope does not exist");
  }

  @Test
  void givenBadArguments_WhenReplayed_ThenExitTwoWithUsage() {
    assertThat(replay("just-a-run")).isEqualTo(2);
    assertThat(text(err)).contains("<project>/<domain>/<run>").contains("usage: aloft replay");
    assertThat(replay("p/d/r", "--url")).isEqualTo(2);
    assertThat(replay("p/d/r", "--url", "ftp://x")).isEqualTo(2);
  }

  @Test
  void givenNoManager_WhenReplayed_ThenExitOneSayingItIsUnreachable() {
    assertThat(replay("p/d/r", "--url", "http://127.0.0.1:1")).isEqualTo(1);
    assertThat(text(err)).contains("cannot reach the manager at http://127.0.0.1:1");
  }

  private int replay(String... args) {
    return ReplayCommandAccess.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
