package io.aloft.manager.restart;

import static io.aloft.manager.restart.JsonApi.PROJECTS;
import static io.aloft.manager.restart.JsonApi.RUNS;
import static io.aloft.manager.restart.JsonApi.TASKS;
import static io.aloft.manager.restart.JsonApi.runId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two managers, each its own JVM, on one PostgreSQL (the first one's embedded server) and one S3
 * store (the first one's embedded server), electing their leader on the database (decision 0008). A
 * WatchRuns stream on the manager that does not lead sees the runs the leader executes: the
 * projection runs on one of them, and the other hears of its batches through LISTEN/NOTIFY.
 */
class TwoManagersTest {

  private static final String PROJECT = "two-managers";
  private static final String LEADS = "leading: this manager reconciles TaskActions";
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path work;

  private ManagerProcess first;
  private ManagerProcess second;

  @AfterEach
  void stopBoth() {
    if (second != null) {
      second.stop(Duration.ofSeconds(30));
    }
    if (first != null) {
      first.stop(Duration.ofSeconds(30));
    }
  }

  @Test
  void
      givenTwoManagersOnOneDatabase_whenRunsAreCreatedThroughEither_thenAWatchOnTheFollowerSeesThemFinish()
          throws Exception {
    int databasePort = ManagerProcess.freePort();
    int s3Port = ManagerProcess.freePort();
    first = start("first", databasePort, List.of("aloft.storage.embedded-port=" + s3Port));
    first.awaitHealthy(START);
    awaitLog(first, LEADS);
    second =
        start(
            "second",
            ManagerProcess.freePort(),
            List.of(
                "aloft.database.host=localhost",
                "aloft.database.port=" + databasePort,
                "aloft.database.name=postgres",
                "aloft.database.username=postgres",
                "aloft.storage.endpoint=http://localhost:" + s3Port,
                "aloft.storage.region=us-east-1",
                "aloft.storage.access-key=aloft",
                "aloft.storage.secret-key=aloft-embedded-secret"));
    second.awaitHealthy(START);
    JsonApi leader = new JsonApi(port(first));
    leader.require(
        PROJECTS + "CreateProject",
        "{\"project\": {\"id\": {\"name\": \"" + PROJECT + "\"}, \"name\": \"Two managers\"}}");
    leader.require(
        TASKS + "DeployTask",
        """
        {"taskId": {"project": "%s", "domain": "development", "name": "nothing", "version": "v1"},
         "spec": {"taskTemplate": {"type": "noop"}, "shortName": "nothing"}}"""
            .formatted(PROJECT));

    try (ConnectJsonStream watch =
        ConnectJsonStream.open(
            port(second),
            RUNS + "WatchRuns",
            "{\"projectId\": {\"project\": \"" + PROJECT + "\", \"domain\": \"development\"}}")) {
      leader.require(
          RUNS + "CreateRun",
          """
          {"runId": %s,
           "taskId": {"project": "%s", "domain": "development", "name": "nothing", "version": "v1"}}"""
              .formatted(runId(PROJECT, "r1"), PROJECT));

      List<JsonNode> seen = new java.util.ArrayList<>();
      assertThat(awaitPhase(watch, "r1", "ACTION_PHASE_SUCCEEDED", seen))
          .as(
              "the second manager's WatchRuns saw r1 succeed; it saw %s, end %s%nfirst:%n%s%nsecond:%n%s",
              seen, watch.end(), first.logTail(), second.logTail())
          .isTrue();

      // Through the manager that does not lead: its TaskAction reaches the leader's controller
      // by a notice, and the run's rows come back to it by the change notices.
      new JsonApi(port(second))
          .require(
              RUNS + "CreateRun",
              """
              {"runId": %s,
               "taskId": {"project": "%s", "domain": "development", "name": "nothing", "version": "v1"}}"""
                  .formatted(runId(PROJECT, "r2"), PROJECT));
      assertThat(awaitPhase(watch, "r2", "ACTION_PHASE_SUCCEEDED", seen))
          .as("r2, created through the second manager, succeeded; seen %s", seen)
          .isTrue();
    }
    assertThat(Files.readString(second.log(), StandardCharsets.UTF_8))
        .as("only the first manager leads")
        .doesNotContain(LEADS);
  }

  private ManagerProcess start(String name, int databasePort, List<String> more)
      throws IOException {
    Path home = Files.createDirectories(work.resolve(name));
    List<String> properties =
        new java.util.ArrayList<>(
            List.of(
                "aloft.leader-election.database=true", "aloft.leader-election.retry-period=500ms"));
    properties.addAll(more);
    return ManagerProcess.start(
        home, ManagerProcess.freePort(), databasePort, work.resolve(name + ".log"), properties);
  }

  private static int port(ManagerProcess manager) {
    return manager.port();
  }

  private static boolean awaitPhase(
      ConnectJsonStream watch, String run, String phase, List<JsonNode> seen)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode message = watch.next(Duration.ofSeconds(1));
      if (message == null) {
        continue;
      }
      seen.add(message);
      for (JsonNode runRow : message.path("runs")) {
        JsonNode action = runRow.path("action");
        if (run.equals(action.path("id").path("run").path("name").asString())
            && phase.equals(action.path("status").path("phase").asString())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void awaitLog(ManagerProcess manager, String line) throws IOException {
    long deadline = System.nanoTime() + START.toNanos();
    while (!Files.readString(manager.log(), StandardCharsets.UTF_8).contains(line)) {
      assertThat(System.nanoTime())
          .as("%s in the log within %s:%n%s", line, START, manager.logTail())
          .isLessThan(deadline);
      ManagerProcess.sleep(Duration.ofMillis(200));
    }
  }
}
