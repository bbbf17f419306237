package io.aloft.manager.restart;

import static io.aloft.manager.restart.JsonApi.ACTIONS;
import static io.aloft.manager.restart.JsonApi.PROJECTS;
import static io.aloft.manager.restart.JsonApi.RUNS;
import static io.aloft.manager.restart.JsonApi.TASKS;
import static io.aloft.manager.restart.JsonApi.actionId;
import static io.aloft.manager.restart.JsonApi.quote;
import static io.aloft.manager.restart.JsonApi.runId;
import static io.aloft.manager.restart.ManagerProcess.KILLED_BY_SIGKILL;
import static io.aloft.manager.restart.ManagerProcess.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.ActionState;
import io.aloft.manager.restart.TaskProcesses.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;

/**
 * Restart safety: the manager is killed with SIGKILL (a real process kill, twice, at different
 * moments) while runs are in flight, and restarted on the same {@code ALOFT_HOME}. Afterwards every
 * run completes as it would have without the kills: running task processes are re-adopted (or
 * retried as a SYSTEM failure, which does not use up the user's retries), no event is stored or
 * projected twice, none is lost, and the projections equal a replay of the event store.
 *
 * <p>The manager runs as its own JVM with the production wiring, so the kill leaves exactly what a
 * crash leaves: orphaned task processes (their own sessions, an exit-code file written by their
 * wrapper), an orphaned embedded PostgreSQL still holding the data directory, Axon's token claimed
 * by a dead node, TaskActions in the middle of an attempt, and events still in the executor's batch
 * queue.
 */
@Tag("restart")
@EnabledOnOs(OS.LINUX)
class RestartSafetyTest {

  private static final String PROJECT = "restart";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(90);

  private static final String INT_OUTPUT =
      """
      {"outputs": {"variables": [{"key": "y", "value": {"type": {"simple": "SIMPLE_TYPE_INTEGER"}}}]}}""";

  private Path home;
  private int port;
  private int databasePort;
  private ManagerProcess manager;
  private int managersStarted;
  private JsonApi api;
  private boolean passed;

  /** run/action → what it must end as. */
  private final Map<String, Expected> expected = new LinkedHashMap<>();

  /**
   * @param process whether the action runs a local process (one per attempt)
   */
  private record Expected(String phase, int attempts, boolean process) {}

  /** What every task process logs first: an attempt started twice would log it twice. */
  private static final String STARTED = "aloft-task-started";

  /** The deployed tasks that run a local process. */
  private static final Set<String> PROCESS_TASKS = Set.of("sleeper", "flaky", "slow", "parent");

  @BeforeEach
  void freshHome() throws IOException {
    home = Files.createTempDirectory("aloft-restart-");
    port = ManagerProcess.freePort();
    databasePort = ManagerProcess.freePort();
    api = new JsonApi(port);
  }

  @Test
  @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
  void givenRunsInFlight_WhenTheManagerIsKilledTwice_ThenEveryRunCompletesExactlyOnce()
      throws Exception {
    long began = System.nanoTime();
    startManager();
    deployTasks();

    // ---- wave 1: 20 runs (processes, retries, instant plugins, children), then kill -9 while
    // the task processes run.
    for (int i = 0; i < 8; i++) {
      createRun("s" + i, "sleeper", 1);
    }
    for (int i = 0; i < 4; i++) {
      createRun("f" + i, "flaky", 2);
    }
    for (int i = 0; i < 2; i++) {
      createRun("n" + i, i % 2 == 0 ? "nothing" : "echo", 1);
    }
    for (int i = 0; i < 2; i++) {
      createRun("l" + i, "slow", 1);
    }
    for (int i = 0; i < 4; i++) {
      createRun("p" + i, "parent", 1);
      enqueue("p" + i, "c0", "{\"type\": \"noop\"}");
      enqueue("p" + i, "c1", containerTemplate("sleep 2; echo child done"));
    }
    await(
        "task processes running, both slow ones among them",
        Duration.ofSeconds(30),
        () -> {
          List<Task> live = liveTasks();
          return live.size() >= 4
              && live.stream().filter(t -> t.attemptName().startsWith("l")).count() == 2;
        });

    Set<Path> runningAtKill1 = liveTasks().stream().map(Task::workDir).collect(Collectors.toSet());
    long postmasterAtKill1 = postmaster();
    assertThat(manager.kill()).as("kill -9 exit status").isEqualTo(KILLED_BY_SIGKILL);
    for (Task task : TaskProcesses.all(home.resolve("work"))) {
      if (runningAtKill1.contains(task.workDir())) {
        assertThat(task.alive() || task.exited())
            .as("%s outlives the killed manager (or ended on its own)", task.workDir())
            .isTrue();
      }
    }
    assertThat(TaskProcesses.alive(postmasterAtKill1))
        .as("the killed manager's PostgreSQL is left running")
        .isTrue();
    log("kill 1: manager killed with %d task processes running", runningAtKill1.size());

    // While the manager is down, one task process disappears without an exit status (as after
    // an OOM kill or a reboot): the next manager must retry it as a SYSTEM failure.
    Task lost =
        liveTasks().stream()
            .filter(t -> t.attemptName().equals("l1-a0-0"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the slow task l1 is not running"));
    TaskProcesses.killSession(lost.pid());
    await("the lost process to be gone", Duration.ofSeconds(10), () -> !lost.alive());

    // ---- restart, then wave 2 (10 runs) with the second kill in the middle of creating them.
    startManager();
    long adoptedRunning =
        liveTasks().stream().filter(t -> runningAtKill1.contains(t.workDir())).count();
    assertThat(TaskProcesses.alive(postmasterAtKill1))
        .as("the restarted manager stopped the orphaned PostgreSQL")
        .isFalse();
    for (int i = 0; i < 3; i++) {
      createRun("w" + i, "sleeper", 1);
    }
    List<String> wave2 = new ArrayList<>();
    for (int i = 3; i < 10; i++) {
      wave2.add("w" + i);
    }
    AtomicInteger created = new AtomicInteger();
    ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    Thread creator =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (String run : wave2) {
                    String task = wave2Task(run);
                    try {
                      if (api.call(RUNS + "CreateRun", createRunJson(run, task)).ok()) {
                        created.incrementAndGet();
                        continue;
                      }
                    } catch (UncheckedIOException e) {
                      // the manager was killed under the call
                    }
                    failed.add(run);
                  }
                });
    for (String run : wave2) {
      expect(run + "/a0", 1, PROCESS_TASKS.contains(wave2Task(run)));
    }
    await("two more runs created", Duration.ofSeconds(30), () -> created.get() >= 2);
    assertThat(manager.kill()).as("second kill -9 exit status").isEqualTo(KILLED_BY_SIGKILL);
    creator.join(Duration.ofSeconds(60));
    log(
        "kill 2: manager killed after %d of %d CreateRun calls of the wave; %s failed",
        created.get(), wave2.size(), failed);

    // ---- restart; a client retries the calls the kill failed; every run must finish.
    startManager();
    for (String run : failed) {
      retryCreate(run, wave2Task(run));
    }
    retriedCreateRedispatches();
    Map<String, JsonNode> finals = awaitAllFinished();
    long finishedAt = System.nanoTime();

    for (var entry : expected.entrySet()) {
      JsonNode details = finals.get(entry.getKey());
      assertThat(details.at("/status/phase").asString())
          .as(entry.getKey() + ": " + details)
          .isEqualTo(entry.getValue().phase());
      assertThat(details.at("/status/attempts").asInt())
          .as(entry.getKey() + " attempts: " + details)
          .isEqualTo(entry.getValue().attempts());
    }

    // ---- the event store, the history and the projections, read straight from PostgreSQL.
    EventStoreAudit audit = new EventStoreAudit(databasePort);
    await(
        "the projections to catch up with the event store",
        Duration.ofSeconds(30),
        () -> {
          try {
            int[] counts = audit.counts(PROJECT);
            return counts[0] == counts[1];
          } catch (java.sql.SQLException e) {
            return false;
          }
        });
    EventStoreAudit.Result result = audit.audit(PROJECT);
    Map<String, ActionState> replayed = audit.replay(PROJECT);
    assertThat(replayed.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());

    // ---- what happened to the processes the first kill orphaned
    List<Task> all = TaskProcesses.all(home.resolve("work"));
    long readopted =
        runningAtKill1.stream()
            .filter(dir -> Files.exists(dir.resolve("exit-code")))
            .filter(dir -> !Files.exists(dir.resolveSibling(dir.getFileName() + "-r1")))
            .count();
    long systemRetries = all.stream().filter(t -> t.attemptName().matches(".*-r\\d+$")).count();
    assertThat(lost.workDir().resolveSibling(lost.attemptName() + "-r1"))
        .as("the lost process was retried as a SYSTEM failure")
        .isDirectory();
    List<Task> leftovers = all.stream().filter(Task::alive).toList();

    // ---- every attempt's process ran exactly once: re-adopting never started a second one
    int expectedStarts =
        expected.values().stream().filter(Expected::process).mapToInt(Expected::attempts).sum()
            + 1; // the lost process's restart
    Map<String, Long> startsPerAttempt = new TreeMap<>();
    for (Task task : all) {
      startsPerAttempt.put(
          task.attemptName(),
          Files.readAllLines(task.workDir().resolve("task.log")).stream()
              .filter(STARTED::equals)
              .count());
    }

    // ---- a clean stop (SIGTERM) stops the embedded PostgreSQL too
    long postmaster = postmaster();
    int stopped = manager.stop(Duration.ofSeconds(60));
    boolean postgresStopped = !TaskProcesses.alive(postmaster);

    double seconds = (finishedAt - began) / 1e9;
    System.out.printf(
        "RESTART SAFETY: runs %d (actions %d), kills 2, managers started %d, task processes"
            + " orphaned by kill 1 %d (still running when the next manager came up %d),"
            + " re-adopted %d, lost on purpose %d, retried as SYSTEM failures %d,"
            + " CreateRun calls failed by kill 2 %d (retried), events checked %d"
            + " (executor events %d), projected %d, duplicates in the store %d,"
            + " duplicates in the history %d, events lost %d, replay mismatches %d,"
            + " task processes started %d (expected %d);"
            + " all finished after %.1f s%n",
        expected.keySet().stream().filter(k -> k.endsWith("/a0")).count(),
        result.actions(),
        managersStarted,
        runningAtKill1.size(),
        adoptedRunning,
        readopted,
        1,
        systemRetries,
        failed.size(),
        result.storedEvents(),
        result.storedRecorded(),
        result.projectedEvents(),
        result.duplicatesInStore(),
        result.duplicatesInProjection(),
        result.lost(),
        result.replayMismatches(),
        startsPerAttempt.size(),
        expectedStarts,
        seconds);

    assertThat(result.problems()).as("event store audit").isEmpty();
    assertThat(result.duplicatesInStore()).isZero();
    assertThat(result.duplicatesInProjection()).isZero();
    assertThat(result.lost()).isZero();
    assertThat(result.storedRecorded()).isEqualTo(result.projectedRecorded());
    assertThat(result.storedEvents()).isEqualTo(result.projectedEvents());
    assertThat(result.actions()).isEqualTo(expected.size());
    assertThat(readopted + systemRetries)
        .as("every process orphaned by the kill was re-adopted or retried")
        .isGreaterThanOrEqualTo(runningAtKill1.size());
    assertThat(leftovers).as("task processes left running").isEmpty();
    assertThat(startsPerAttempt)
        .as("task processes started per attempt")
        .allSatisfy((attempt, starts) -> assertThat(starts).as(attempt).isEqualTo(1L));
    assertThat(startsPerAttempt).hasSize(expectedStarts);
    assertThat(stopped).as("SIGTERM exit status\n" + manager.logTail()).isIn(0, 143);
    assertThat(postgresStopped).as("PostgreSQL stopped with the manager").isTrue();
    passed = true;
  }

  /**
   * The kill's narrowest window, made exact: a run is stored and projected, but the manager dies
   * before creating its TaskAction, and the restarted manager's first repair pass runs before the
   * projections show the run (the second pass is a minute later). The client retries CreateRun and
   * the run must go on at once. Here the TaskAction of a running run is removed behind the
   * manager's back to leave that state; the retry must hand the run to the executor again, which
   * re-adopts the task's process from its work directory.
   */
  private void retriedCreateRedispatches() throws Exception {
    createRun("d0", "sleeper", 1);
    await(
        "d0's process to run",
        Duration.ofSeconds(30),
        () -> liveTasks().stream().anyMatch(t -> t.attemptName().equals("d0-a0-0")));
    try (var connection =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
        var delete =
            connection.prepareStatement(
                "DELETE FROM task_actions WHERE project = ? AND run_name = 'd0' AND name = 'a0'")) {
      delete.setString(1, PROJECT);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
    retryCreate("d0", "sleeper");
    await(
        "the retried run d0 to finish (not only at the next repair pass, a minute later)",
        Duration.ofSeconds(20),
        () ->
            api.call(
                    RUNS + "GetActionDetails",
                    "{\"actionId\": " + actionId(PROJECT, "d0", "a0") + "}")
                .body()
                .at("/details/status/phase")
                .asString("")
                .equals("ACTION_PHASE_SUCCEEDED"));
  }

  // ---- the manager

  /**
   * Starts a manager and waits for its API. After a kill, also waits for its projection processor
   * to take over the token the dead manager's processor still claims (Axon releases a claim only
   * when it expires), and reports how long that took.
   */
  private void startManager() throws java.sql.SQLException {
    String deadOwner =
        managersStarted == 0 ? null : new EventStoreAudit(databasePort).projectionTokenOwner();
    managersStarted++;
    Path log = home.resolve("manager-" + managersStarted + ".log");
    long started = System.nanoTime();
    manager = ManagerProcess.start(home, port, databasePort, log);
    manager.awaitHealthy(START_TIMEOUT);
    log(
        "manager %d (pid %d) healthy after %.1f s",
        managersStarted, manager.pid(), (System.nanoTime() - started) / 1e9);
    if (deadOwner != null) {
      EventStoreAudit audit = new EventStoreAudit(databasePort);
      long healthy = System.nanoTime();
      await(
          "the projection token to be claimed by the new manager (held by " + deadOwner + ")",
          Duration.ofSeconds(30),
          () -> {
            try {
              String owner = audit.projectionTokenOwner();
              return owner != null && !owner.equals(deadOwner);
            } catch (java.sql.SQLException e) {
              return false;
            }
          });
      double claimed = (System.nanoTime() - healthy) / 1e9;
      log(
          "projection token moved from %s to the new manager %.1f s after it was healthy",
          deadOwner, claimed);
      // Axon alone would wait for the dead claim to expire (10 s after the kill, then up to 5 s
      // more); the embedded database releases it before the processors start.
      assertThat(claimed).as("seconds until the projections resumed").isLessThan(5.0);
    }
  }

  private long postmaster() {
    return TaskProcesses.postmaster(home.resolve("postgres"))
        .orElseThrow(() -> new AssertionError("no postmaster.pid in " + home));
  }

  private List<Task> liveTasks() {
    return TaskProcesses.all(home.resolve("work")).stream().filter(Task::alive).toList();
  }

  // ---- the API

  private void deployTasks() {
    api.require(
        PROJECTS + "CreateProject",
        """
        {"project": {"id": {"name": "%s"}, "name": "Restart safety"}}"""
            .formatted(PROJECT));
    deploy(
        "sleeper",
        containerTemplate(
            "sleep 3; echo 42 > $ALOFT_OUTPUT_DIR/y", ", \"interface\": " + INT_OUTPUT));
    deploy(
        "flaky",
        containerTemplate(
            "if [ \"$ALOFT_ATTEMPT\" = 1 ]; then sleep 2; echo first try fails; exit 3; fi;"
                + " sleep 1; echo ok",
            ", \"metadata\": {\"retries\": {\"retries\": 1}}"));
    deploy("nothing", "{\"type\": \"noop\"}");
    deploy("echo", "{\"type\": \"echo\"}");
    deploy("parent", containerTemplate("sleep 4; echo parent done"));
    // Still running when the next manager comes up, and again at the second kill.
    deploy("slow", containerTemplate("sleep 25; echo slow done"));
  }

  private void deploy(String task, String template) {
    api.require(
        TASKS + "DeployTask",
        """
        {"taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"},
         "spec": {"taskTemplate": %s, "shortName": "%s"}}"""
            .formatted(PROJECT, task, template, task));
  }

  private static String containerTemplate(String script) {
    return containerTemplate(script, "");
  }

  /** A {@code container} task running {@code script}; it logs "started" first, see the audit. */
  private static String containerTemplate(String script, String extra) {
    return "{\"type\": \"container\", \"container\": {\"args\": [\"sh\", \"-c\", "
        + quote("echo " + STARTED + "; " + script)
        + "]}"
        + extra
        + "}";
  }

  private static String wave2Task(String run) {
    return run.equals("w5") || run.equals("w8") ? "nothing" : "sleeper";
  }

  private void expect(String action, int attempts, boolean process) {
    expected.put(action, new Expected("ACTION_PHASE_SUCCEEDED", attempts, process));
  }

  private void createRun(String run, String task, int attempts) {
    expect(run + "/a0", attempts, PROCESS_TASKS.contains(task));
    api.require(RUNS + "CreateRun", createRunJson(run, task));
  }

  private static String createRunJson(String run, String task) {
    return """
        {"runId": %s,
         "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "v1"}}"""
        .formatted(runId(PROJECT, run), PROJECT, task);
  }

  /** After a restart a client retries a call the kill failed, as long as the manager says wait. */
  private void retryCreate(String run, String task) {
    JsonApi.Reply reply = null;
    for (int i = 0; i < 5; i++) {
      reply = api.call(RUNS + "CreateRun", createRunJson(run, task));
      if (reply.ok()) {
        return;
      }
      log("retrying CreateRun %s: %d %s", run, reply.status(), reply.body());
      sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError("CreateRun " + run + " kept failing: " + reply);
  }

  private void enqueue(String run, String child, String template) {
    expect(run + "/" + child, 1, template.contains("\"container\""));
    api.require(
        ACTIONS + "Enqueue",
        """
        {"action": {"actionId": %s, "parentActionName": "a0",
                    "inputUri": "s3://aloft/metadata/%s/development/%s/inputs",
                    "runOutputBase": "s3://aloft/metadata/%s/development/%s/",
                    "task": {"spec": {"taskTemplate": %s, "shortName": "kid"}}}}"""
            .formatted(
                actionId(PROJECT, run, child),
                PROJECT,
                run,
                PROJECT,
                run,
                withId(template, child)));
  }

  private static String withId(String template, String name) {
    return template.replaceFirst(
        "^\\{", "{\"id\": {\"name\": \"" + name + "\", \"version\": \"v1\"}, ");
  }

  /** Polls every expected action until it is terminal; their details, by run/action. */
  private Map<String, JsonNode> awaitAllFinished() {
    Map<String, JsonNode> finals = new LinkedHashMap<>();
    long deadline = System.nanoTime() + FINISH_TIMEOUT.toNanos();
    while (finals.size() < expected.size()) {
      for (String key : expected.keySet()) {
        if (finals.containsKey(key)) {
          continue;
        }
        String[] parts = key.split("/");
        JsonApi.Reply reply =
            api.call(
                RUNS + "GetActionDetails",
                "{\"actionId\": " + actionId(PROJECT, parts[0], parts[1]) + "}");
        String phase = reply.body().at("/details/status/phase").asString("");
        if (reply.ok() && terminal(phase)) {
          finals.put(key, reply.body().get("details"));
        }
      }
      if (finals.size() < expected.size()) {
        if (System.nanoTime() > deadline) {
          List<String> missing =
              expected.keySet().stream().filter(k -> !finals.containsKey(k)).toList();
          throw new AssertionError(
              "not finished after " + FINISH_TIMEOUT + ": " + missing + "\n" + manager.logTail());
        }
        sleep(Duration.ofMillis(250));
      }
    }
    return finals;
  }

  private static boolean terminal(String phase) {
    return switch (phase) {
      case "ACTION_PHASE_SUCCEEDED",
          "ACTION_PHASE_FAILED",
          "ACTION_PHASE_ABORTED",
          "ACTION_PHASE_TIMED_OUT",
          "ACTION_PHASE_RECOVERED" ->
          true;
      default -> false;
    };
  }

  // ---- helpers

  private void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + what + "\n" + (manager == null ? "" : manager.logTail()));
      }
      sleep(Duration.ofMillis(50));
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf("[restart-safety] " + format + "%n", args);
  }

  /**
   * Stops whatever is still running, whatever happened: the manager (SIGTERM, then SIGKILL), task
   * processes, the embedded PostgreSQL. The home is kept when the test failed, for its logs.
   */
  @AfterEach
  void cleanUp() throws IOException {
    if (manager != null && manager.isAlive()) {
      manager.stop(Duration.ofSeconds(30));
    }
    for (Task task : TaskProcesses.all(home.resolve("work"))) {
      if (task.alive()) {
        TaskProcesses.killSession(task.pid());
      }
    }
    TaskProcesses.postmaster(home.resolve("postgres"))
        .filter(TaskProcesses::alive)
        .ifPresent(TaskProcesses::killTree);
    if (passed && !Boolean.getBoolean("aloft.restart-test.keep-home")) {
      try (Stream<Path> paths = Files.walk(home)) {
        paths
            .sorted(Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.deleteIfExists(p);
                  } catch (IOException e) {
                    // best effort
                  }
                });
      }
    } else {
      log("kept %s (manager logs, PostgreSQL data, task work directories)", home);
    }
  }
}
