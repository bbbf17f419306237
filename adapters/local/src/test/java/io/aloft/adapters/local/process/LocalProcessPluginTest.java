package io.aloft.adapters.local.process;

import static io.aloft.adapters.local.process.Tasks.TIMEOUT;
import static io.aloft.adapters.local.process.Tasks.alive;
import static io.aloft.adapters.local.process.Tasks.await;
import static io.aloft.adapters.local.process.Tasks.container;
import static io.aloft.adapters.local.process.Tasks.context;
import static io.aloft.adapters.local.process.Tasks.pidFrom;
import static io.aloft.adapters.local.process.Tasks.shell;
import static io.aloft.adapters.local.process.Tasks.untilDone;
import static io.aloft.adapters.local.process.Tasks.withState;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.execution.EnvVar;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.support.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The plugin against real processes, with the copilot replaced by {@link Tasks.FakeData}. */
class LocalProcessPluginTest {

  @TempDir Path root;
  private Tasks.FakeData data;
  private LocalProcessPlugin plugin;
  private final List<PluginContext> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    data = new Tasks.FakeData();
    plugin = Tasks.plugin(data, Tasks.settings(root));
  }

  @AfterEach
  void stopEverything() {
    for (PluginContext context : started) {
      plugin.abort(context, "test over").then(plugin.finalizeAttempt(context)).block(TIMEOUT);
    }
  }

  /** First call; returns the context carrying the reported state. */
  private PluginContext start(PluginContext context) {
    started.add(context);
    PluginReport report = plugin.handle(context).block(TIMEOUT);
    assertThat(report.phase()).as("%s", report.error()).isEqualTo(PluginPhase.RUNNING);
    return withState(context, report.state());
  }

  private Path workDir(PluginContext context) {
    return plugin.workDirectory(context);
  }

  @Test
  void taskTypes() {
    assertThat(plugin.taskTypes()).containsExactly("container");
  }

  @Test
  void givenTask_whenStarted_thenRunsInItsWorkDirWithExactlyTheTaskEnvironment() throws Exception {
    String script =
        "env > \"$ALOFT_OUTPUT_DIR/env.txt\"; pwd > \"$ALOFT_OUTPUT_DIR/pwd.txt\";"
            + " cat \"$ALOFT_INPUT_DIR/x\" > \"$ALOFT_OUTPUT_DIR/input-copy.txt\"";
    PluginContext context =
        context(
            container(
                List.of("/bin/sh", "-c", script),
                List.of(
                    new EnvVar("GREETING", "hello world"),
                    new EnvVar("ALOFT_WORK_DIR", "/tries/to/override"),
                    new EnvVar("GREETING", "later wins"))),
            0,
            () -> {});
    Path dir = workDir(context);

    PluginReport report = untilDone(plugin, start(context));

    assertThat(report.phase()).isEqualTo(PluginPhase.SUCCESS);
    assertThat(dir)
        .isEqualTo(
            root.resolve(Tasks.PROJECT)
                .resolve(Tasks.DOMAIN)
                .resolve(context.spec().resourceName() + "-0"));
    assertThat(dir.resolve("inputs")).isDirectory();
    assertThat(dir.resolve("outputs")).isDirectory();
    assertThat(Files.readString(dir.resolve("outputs/pwd.txt")).trim()).isEqualTo(dir.toString());
    assertThat(Files.readString(dir.resolve("outputs/input-copy.txt"))).isEqualTo("42");
    Map<String, String> env = parseEnv(dir.resolve("outputs/env.txt"));
    assertThat(env)
        .containsEntry("GREETING", "later wins")
        .containsEntry("ACTION_NAME", "a1")
        .containsEntry("RUN_NAME", context.spec().action().run().name())
        .containsEntry("ALOFT_ATTEMPT", "1")
        .containsEntry("ALOFT_INPUT_DIR", dir.resolve("inputs").toString())
        .containsEntry("ALOFT_OUTPUT_DIR", dir.resolve("outputs").toString())
        .containsEntry("ALOFT_WORK_DIR", dir.toString())
        .containsEntry("ALOFT_OUTPUT_PREFIX", context.outputPrefix())
        .containsEntry("ALOFT_RAW_OUTPUT_PREFIX", context.rawOutputPrefix())
        .containsEntry("TMPDIR", dir.resolve("tmp").toString())
        .containsEntry("PATH", Tasks.BASE_ENV.get("PATH"))
        .containsEntry("HOME", "/tmp")
        .containsEntry("LANG", "C.UTF-8");
    // Nothing of the manager's own environment leaks in (sh adds PWD itself).
    assertThat(env.keySet())
        .containsExactlyInAnyOrder(
            "GREETING",
            "ACTION_NAME",
            "RUN_NAME",
            "ALOFT_ATTEMPT",
            "ALOFT_INPUT_DIR",
            "ALOFT_OUTPUT_DIR",
            "ALOFT_WORK_DIR",
            "ALOFT_OUTPUT_PREFIX",
            "ALOFT_RAW_OUTPUT_PREFIX",
            "TMPDIR",
            "PATH",
            "HOME",
            "LANG",
            "PWD");
    assertThat(data.downloads).containsExactly(context.inputsFile());
    assertThat(data.uploads).containsExactly(dir.resolve("outputs"));
  }

  private static Map<String, String> parseEnv(Path file) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return env;
  }

  @Test
  void givenCalls_whenAssembled_thenNothingHappensUntilSubscribed() {
    PluginContext context = shell("true");

    plugin.handle(context);
    plugin.abort(context, "x");
    plugin.finalizeAttempt(context);

    assertThat(workDir(context)).doesNotExist();
  }

  @Test
  void givenCallsFromANonBlockingThread_thenTheyCompleteWithoutBlockingIt() {
    PluginContext context = shell("sleep 30");
    started.add(context);

    PluginReport report =
        Mono.defer(() -> plugin.handle(context))
            .subscribeOn(Schedulers.parallel())
            .publishOn(Schedulers.parallel())
            .flatMap(first -> plugin.handle(withState(context, first.state())))
            .block(TIMEOUT);
    StepVerifier.create(
            Mono.defer(() -> plugin.abort(withState(context, report.state()), "stop"))
                .subscribeOn(Schedulers.parallel()))
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.RUNNING);
  }

  @Test
  void givenRestartAfterSystemFailure_thenItGetsAFreshWorkDir() {
    PluginContext first = context(container(List.of("true"), List.of()), 0, () -> {});
    PluginContext restart =
        new PluginContext(
            first.spec(),
            first.template(),
            first.attempt(),
            2,
            Bytes.EMPTY,
            first.inputsFile(),
            first.outputPrefix(),
            first.rawOutputPrefix(),
            first.environment(),
            null,
            () -> {});

    assertThat(workDir(restart).getFileName().toString()).endsWith("-0-r2");
    assertThat(workDir(restart).getParent()).isEqualTo(workDir(first).getParent());
  }

  @Test
  void givenExitZero_whenDone_thenSuccessWithTheOutputsUriAndLogLink() throws Exception {
    PluginContext context = start(shell("echo hello from the task"));

    PluginReport report = untilDone(plugin, context);

    assertThat(report.phase()).isEqualTo(PluginPhase.SUCCESS);
    assertThat(report.outputUri()).isEqualTo(context.outputPrefix() + "/outputs.pb");
    Path log = workDir(context).resolve("task.log");
    assertThat(report.logs()).containsExactly(new TaskLog("task.log", log.toUri().toString()));
    assertThat(report.logs().getFirst().uri()).startsWith("file:///");
    assertThat(Files.readString(log)).isEqualTo("hello from the task\n");
    assertThat(workDir(context).resolve("exit-code")).hasContent("0");
  }

  @Test
  void givenRunningTask_whenHandled_thenRunningWithThePollIntervalAndStableState() {
    PluginContext context = start(shell("sleep 30"));

    PluginReport again = plugin.handle(context).block(TIMEOUT);

    assertThat(again.phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(again.recheckAfter()).isEqualTo(Duration.ofMillis(50));
    assertThat(again.state()).isEqualTo(context.state());
    ProcessState state = ProcessState.decode(again.state());
    assertThat(state.workDir()).isEqualTo(workDir(context));
    assertThat(ProcessRunner.isAlive(state.pid(), state.startTicks())).isTrue();
  }

  @Test
  void givenRejectedOutputs_whenDone_thenRetryableUserFailureWithTheCopilotsCode() {
    data.reject("OutputsMissing", "output 'o0' was not written");
    PluginContext context = start(shell("true"));

    PluginReport report = untilDone(plugin, context);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.USER);
    assertThat(report.error().code()).isEqualTo("OutputsMissing");
    assertThat(report.error().message()).isEqualTo("output 'o0' was not written");
  }

  @Test
  void givenUploadFails_whenDone_thenRetryableSystemFailure() {
    data.uploadResult = Mono.error(new IllegalStateException("S3 is down"));
    PluginContext context = start(shell("true"));

    PluginReport report = untilDone(plugin, context);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.SYSTEM);
    assertThat(report.error().code()).isEqualTo("OutputUploadFailed");
    assertThat(report.error().message()).contains("S3 is down");
  }

  @Test
  void givenDownloadFails_whenStarted_thenRetryableSystemFailureAndNothingRuns() {
    data.downloadError = new IllegalStateException("inputs.pb unreadable");
    PluginContext context = shell("touch ran");

    PluginReport report = plugin.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.SYSTEM);
    assertThat(report.error().code()).isEqualTo("InputDownloadFailed");
    assertThat(report.error().message()).contains("inputs.pb unreadable");
    assertThat(workDir(context).resolve("ran")).doesNotExist();
    assertThat(workDir(context).resolve("process")).doesNotExist();
  }

  @Test
  void givenNonZeroExit_whenDone_thenRetryableUserFailureWithCodeAndLastLogLines() {
    PluginContext context =
        start(shell("i=0; while [ $i -lt 100 ]; do echo line $i; i=$((i+1)); done; exit 3"));

    PluginReport report = untilDone(plugin, context);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.USER);
    assertThat(report.error().code()).isEqualTo("NonZeroExit");
    assertThat(report.error().message())
        .startsWith("/bin/sh exited with code 3")
        .contains("line 80\n", "line 99")
        .doesNotContain("line 79\n");
    assertThat(data.uploads).isEmpty();
  }

  @Test
  void givenTaskPrintingHugeLines_whenItFails_thenTheMessageIsBounded() {
    PluginContext context =
        start(
            shell(
                "i=0; while [ $i -lt 30 ]; do head -c 3000 /dev/zero | tr '\\0' x; echo; i=$((i+1)); done; exit 1"));

    PluginReport report = untilDone(plugin, context);

    assertThat(report.error().message().length())
        .isLessThanOrEqualTo(LocalProcessPlugin.FAILURE_LOG_CHARS + 200);
  }

  @Test
  void givenKilledBySignal_whenDone_thenTheMessageSaysSo() {
    PluginContext context = start(shell("kill -9 $$"));

    PluginReport report = untilDone(plugin, context);

    assertThat(report.error().code()).isEqualTo("NonZeroExit");
    assertThat(report.error().message()).contains("code 137", "signal 9", "SIGKILL");
  }

  @Test
  void givenMissingCommand_whenStarted_thenPermanentCommandNotFoundWithoutAProcess()
      throws Exception {
    PluginContext context =
        context(container(List.of("no-such-command-aloft", "--flag"), List.of()), 0, () -> {});

    PluginReport report = plugin.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.USER);
    assertThat(report.error().code()).isEqualTo("CommandNotFound");
    assertThat(report.error().message()).isEqualTo("command not found: no-such-command-aloft");
    assertThat(Files.readString(workDir(context).resolve("task.log")))
        .contains("command not found: no-such-command-aloft");
    assertThat(workDir(context).resolve("process")).doesNotExist();
  }

  @Test
  void givenNotExecutableFile_whenStarted_thenPermanentCommandNotFound() throws Exception {
    Path plain = Files.writeString(root.resolve("plain.txt"), "echo hi\n");
    PluginContext context = context(container(List.of(plain.toString()), List.of()), 0, () -> {});

    PluginReport report = plugin.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().code()).isEqualTo("CommandNotFound");
  }

  @Test
  void givenExit127FromTheTask_whenDone_thenPermanentCommandNotFound() {
    PluginContext context = start(shell("no-such-command-aloft"));

    PluginReport report = untilDone(plugin, context);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.USER);
    assertThat(report.error().code()).isEqualTo("CommandNotFound");
    assertThat(report.error().message())
        .startsWith("command not found: /bin/sh or a command it ran (exit code 127)")
        .contains("no-such-command-aloft: not found");
  }

  @Test
  void givenNoContainer_whenHandled_thenPermanentBadTaskSpecification() {
    PluginContext context = shell("true");
    TaskTemplate t = context.template();
    PluginContext noContainer =
        Tasks.withTemplate(
            context,
            new TaskTemplate(
                t.type(), t.iface(), t.retries(), null, false, t.cache(), null, t.config()));

    PluginReport report = plugin.handle(noContainer).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().code()).isEqualTo("BadTaskSpecification");
    assertThat(report.error().kind()).isEqualTo(ErrorKind.USER);
    assertThat(workDir(context)).doesNotExist();
  }

  @Test
  void givenEmptyCommand_whenHandled_thenPermanentBadTaskSpecification() {
    PluginContext context = context(container(List.of(""), List.of()), 0, () -> {});

    PluginReport report = plugin.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().code()).isEqualTo("BadTaskSpecification");
  }

  @Test
  void givenProcessThisJvmStarted_whenItExits_thenTheControllerIsWoken() throws Exception {
    CountDownLatch woken = new CountDownLatch(1);
    PluginContext context =
        context(container(List.of("/bin/sh", "-c", "sleep 0.3"), List.of()), 0, woken::countDown);
    start(context);

    assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void givenRepeatedFirstCall_whenStateWasLost_thenTheRunningProcessIsAdoptedNotStartedAgain()
      throws Exception {
    PluginContext context = shell("echo started >> starts.txt; sleep 30");
    PluginContext withState = start(context);

    PluginReport again = plugin.handle(context).block(TIMEOUT);
    LocalProcessPlugin restarted = Tasks.plugin(data, Tasks.settings(root));
    PluginReport fromAnotherInstance = restarted.handle(context).block(TIMEOUT);

    assertThat(again.phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(again.state()).isEqualTo(withState.state());
    assertThat(fromAnotherInstance.state()).isEqualTo(withState.state());
    await("the first start", () -> Files.exists(workDir(context).resolve("starts.txt")));
    Tasks.sleep(200);
    assertThat(Files.readAllLines(workDir(context).resolve("starts.txt"))).hasSize(1);
    assertThat(data.downloads).hasSize(1);
  }

  @Test
  void givenManagerKilledBeforeItRecordedTheStart_whenHandledAgain_thenTheTaskIsAdopted()
      throws Exception {
    String script = "echo started >> starts.txt; sleep 30";
    PluginContext context = shell(script);
    started.add(context);
    ProcessRunner.Started orphan = startWithoutProcessFile(context, script);

    LocalProcessPlugin restarted = Tasks.plugin(data, Tasks.settings(root));
    PluginReport report = restarted.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(ProcessState.decode(report.state()).pid()).isEqualTo(orphan.pid());
    assertThat(
            ProcessState.decodeText(
                    Files.readString(workDir(context).resolve(LocalProcessPlugin.PROCESS_FILE)))
                .pid())
        .as("the process file the killed manager never wrote")
        .isEqualTo(orphan.pid());
    await("the one start", () -> Files.exists(workDir(context).resolve("starts.txt")));
    Tasks.sleep(200);
    assertThat(Files.readAllLines(workDir(context).resolve("starts.txt"))).hasSize(1);
  }

  @Test
  void givenUnrecordedStartThatAlreadyExited_whenHandledAgain_thenItsExitCodeIsTheOutcome()
      throws Exception {
    String script = "echo started >> starts.txt; exit 3";
    PluginContext context = shell(script);
    ProcessRunner.Started orphan = startWithoutProcessFile(context, script);
    orphan.process().waitFor();

    PluginReport report = untilDone(Tasks.plugin(data, Tasks.settings(root)), context);

    assertThat(report.error().code()).isEqualTo("NonZeroExit");
    assertThat(report.error().message()).contains("code 3");
    assertThat(Files.readAllLines(workDir(context).resolve("starts.txt"))).hasSize(1);
  }

  /** What a manager killed right after starting a task leaves: the task, but no process file. */
  private ProcessRunner.Started startWithoutProcessFile(PluginContext context, String script)
      throws Exception {
    Path dir = workDir(context);
    Files.createDirectories(dir);
    ProcessRunner.Started orphan =
        ProcessRunner.detect()
            .start(
                dir,
                List.of("/bin/sh", "-c", script),
                java.util.Map.of("PATH", System.getenv("PATH")),
                dir.resolve("task.log"));
    await("the wrapper's record", () -> Files.exists(dir.resolve(WrapperPidFile.NAME)));
    return orphan;
  }

  @Test
  void givenConcurrentFirstCalls_thenOneProcessStarts() throws Exception {
    PluginContext context = shell("echo started >> starts.txt; sleep 30");
    started.add(context);

    List<PluginReport> reports =
        reactor.core.publisher.Flux.range(0, 8)
            .flatMap(i -> plugin.handle(context))
            .collectList()
            .block(TIMEOUT);

    assertThat(reports).extracting(PluginReport::state).containsOnly(reports.getFirst().state());
    await("the start", () -> Files.exists(workDir(context).resolve("starts.txt")));
    Tasks.sleep(200);
    assertThat(Files.readAllLines(workDir(context).resolve("starts.txt"))).hasSize(1);
  }

  @Test
  void givenTaskPrintingGigabytes_whenRunning_thenTheLogStaysBoundedAndTheTaskSucceeds() {
    long budget = 4L * 1024 * 1024;
    LocalProcessPlugin bounded =
        Tasks.plugin(
            data,
            new LocalProcessSettings(root, Duration.ofMillis(500), budget, Duration.ofMillis(20)));
    long total = 2_000_000_000L;
    PluginContext context =
        shell(
            "yes 0123456789012345678901234567890123456789 | head -c "
                + total
                + "; echo; sleep 0.2; echo the end");
    Path log = bounded.workDirectory(context).resolve("task.log");
    Path rotated = LogRotation.rotated(log);
    PluginReport first = bounded.handle(context).block(TIMEOUT);
    PluginContext current = withState(context, first.state());
    long peak = 0;
    PluginReport report = first;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    int turn = 0;
    while (!report.phase().isFailure() && report.phase() != PluginPhase.SUCCESS) {
      assertThat(System.nanoTime()).as("finished in time").isLessThan(deadline);
      peak = Math.max(peak, Tasks.size(log) + Tasks.size(rotated));
      if (++turn % 10 == 0) {
        report = bounded.handle(current).block(TIMEOUT);
      }
      Tasks.sleep(2);
    }
    bounded.finalizeAttempt(current).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.SUCCESS);
    // 2 GB went through a 4 MiB budget: what is on disk is the budget plus what the task wrote
    // between two checks, nowhere near the total.
    assertThat(peak).isLessThan(total / 8);
    assertThat(Tasks.size(log) + Tasks.size(rotated)).isLessThan(2 * budget);
    // The end of the output survives (in task.log.1 when the last check rotated it there). The
    // pause before it keeps it out of copytruncate's window of microseconds during the flood.
    assertThat(LogTail.lastLines(log, 3).block(TIMEOUT).lines()).contains("the end");
  }

  @Test
  void givenProcessIgnoringSigterm_whenAborted_thenSigkilledAfterTheGraceAndAllGone()
      throws Exception {
    PluginContext context =
        start(shell("trap '' TERM; sleep 300 & echo $! > child.pid; while :; do wait; done"));
    long child = pidFrom(workDir(context).resolve("child.pid"));
    ProcessState state = ProcessState.decode(context.state());
    long begin = System.nanoTime();

    StepVerifier.create(plugin.abort(context, "user asked")).expectComplete().verify(TIMEOUT);

    assertThat(Duration.ofNanos(System.nanoTime() - begin))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(alive(child)).isFalse();
    assertThat(alive(state.pid())).isFalse();
    assertThat(ProcStat.sessionMembers(state.pid())).isEmpty();
    // Idempotent, and quick when nothing is left.
    StepVerifier.create(plugin.abort(context, "again"))
        .expectComplete()
        .verify(Duration.ofSeconds(2));
  }

  @Test
  void givenTaskWithChildrenAndDaemons_whenAborted_thenNoDescendantSurvives() throws Exception {
    PluginContext context =
        start(
            shell(
                "sleep 300 & echo $! > bg.pid;"
                    + " ( sleep 300 & echo $! > daemon.pid );"
                    + " setsid sleep 300 & echo $! > own-session.pid;"
                    + " wait"));
    Path dir = workDir(context);
    List<Long> pids =
        List.of(
            pidFrom(dir.resolve("bg.pid")),
            pidFrom(dir.resolve("daemon.pid")),
            pidFrom(dir.resolve("own-session.pid")));
    await("all started", () -> pids.stream().allMatch(Tasks::alive));
    ProcessState state = ProcessState.decode(context.state());
    List<ProcessHandle> descendants =
        ProcessHandle.of(state.pid()).orElseThrow().descendants().toList();

    plugin.abort(context, "stop").block(TIMEOUT);

    assertThat(pids).noneMatch(Tasks::alive);
    await(
        "every descendant to be gone (init reaps orphans)",
        () -> descendants.stream().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void givenTaskLeavingBackgroundProcesses_whenFinalized_thenTheyAreStopped() throws Exception {
    PluginContext context =
        start(shell("sleep 300 & echo $! > bg.pid; ( sleep 300 & echo $! > daemon.pid ); exit 0"));
    Path dir = workDir(context);

    PluginReport report = untilDone(plugin, context);
    long bg = pidFrom(dir.resolve("bg.pid"));
    long daemon = pidFrom(dir.resolve("daemon.pid"));
    assertThat(report.phase()).isEqualTo(PluginPhase.SUCCESS);
    assertThat(alive(bg)).isTrue();

    plugin.finalizeAttempt(context).block(TIMEOUT);

    assertThat(alive(bg)).isFalse();
    assertThat(alive(daemon)).isFalse();
    assertThat(dir.resolve("task.log")).exists();
    assertThat(dir.resolve("outputs")).isDirectory();
    assertThat(dir.resolve("tmp")).doesNotExist();
    StepVerifier.create(plugin.finalizeAttempt(context)).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenAbortBeforeStart_thenNothingIsLeftAndAbortIsSafe() {
    PluginContext context = shell("sleep 300");

    StepVerifier.create(plugin.abort(context, "never started")).expectComplete().verify(TIMEOUT);
    StepVerifier.create(plugin.finalizeAttempt(context)).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenAbortDuringTheFirstCall_thenTheProcessDoesNotOutliveIt() throws Exception {
    CountDownLatch downloading = new CountDownLatch(1);
    reactor.core.publisher.Sinks.Empty<Void> release = reactor.core.publisher.Sinks.empty();
    TaskData slow =
        new TaskData() {
          @Override
          public Mono<Void> download(String inputsFile, Path directory) {
            return Mono.fromRunnable(downloading::countDown).then(release.asMono());
          }

          @Override
          public Mono<io.aloft.application.copilot.UploadResult> upload(
              io.aloft.domain.literal.TypedInterface iface,
              Path directory,
              String outputPrefix,
              String rawOutputPrefix) {
            return data.upload(iface, directory, outputPrefix, rawOutputPrefix);
          }
        };
    LocalProcessPlugin slowPlugin = Tasks.plugin(slow, Tasks.settings(root));
    PluginContext context = shell("touch ran; sleep 300");
    Mono<PluginReport> first = slowPlugin.handle(context).cache();
    first.subscribe();
    assertThat(downloading.await(10, TimeUnit.SECONDS)).isTrue();

    Mono<Void> abort = slowPlugin.abort(context, "stop").cache();
    abort.subscribe();
    Tasks.sleep(100);
    release.tryEmitEmpty();
    abort.block(TIMEOUT);
    PluginReport report = first.block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().code()).isEqualTo("Aborted");
    assertThat(workDir(context).resolve("ran")).doesNotExist();
  }

  @Test
  void givenManagerRestart_whenANewInstanceGetsTheState_thenItFollowsTheProcessToItsExit()
      throws Exception {
    PluginContext context =
        start(shell("while [ ! -f go ]; do sleep 0.05; done; echo finishing; exit 4"));
    LocalProcessPlugin restarted = Tasks.plugin(data, Tasks.settings(root));
    CountDownLatch woken = new CountDownLatch(1);
    PluginContext adopted = Tasks.withWakeUp(context, woken::countDown);

    PluginReport running = restarted.handle(adopted).block(TIMEOUT);
    assertThat(running.phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(running.state()).isEqualTo(context.state());
    assertThat(running.recheckAfter()).isEqualTo(Duration.ofMillis(50));
    Files.writeString(workDir(context).resolve("go"), "");
    assertThat(woken.await(10, TimeUnit.SECONDS)).as("woken by the poll").isTrue();
    PluginReport report = untilDone(restarted, adopted);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().code()).isEqualTo("NonZeroExit");
    assertThat(report.error().message()).contains("code 4", "finishing");
  }

  @Test
  void givenManagerRestart_whenANewInstanceAborts_thenTheAdoptedTreeIsStopped() throws Exception {
    PluginContext context = start(shell("sleep 300 & echo $! > bg.pid; wait"));
    long bg = pidFrom(workDir(context).resolve("bg.pid"));
    LocalProcessPlugin restarted = Tasks.plugin(data, Tasks.settings(root));

    restarted.abort(context, "after restart").block(TIMEOUT);

    assertThat(alive(bg)).isFalse();
    assertThat(alive(ProcessState.decode(context.state()).pid())).isFalse();
  }

  @Test
  void givenProcessKilledOutsideAloft_whenHandled_thenRetryableSystemInterrupted()
      throws Exception {
    PluginContext context = start(shell("sleep 300 & echo $! > bg.pid; wait"));
    long bg = pidFrom(workDir(context).resolve("bg.pid"));
    ProcessState state = ProcessState.decode(context.state());
    // The wrapper first, so it cannot write an exit code; then the rest.
    ProcessHandle.of(state.pid()).orElseThrow().destroyForcibly();
    await("the wrapper to die", () -> !alive(state.pid()));
    ProcessRunner.signal(ProcessRunner.snapshot(state.pid(), state.startTicks()), true);
    await("the child to die", () -> !alive(bg));

    PluginReport report = plugin.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.SYSTEM);
    assertThat(report.error().code()).isEqualTo("Interrupted");
    assertThat(report.error().message()).contains("pid " + state.pid());
  }

  @Test
  void givenAdoptedProcessThatDied_whenHandledByTheNewInstance_thenSystemInterrupted() {
    PluginContext context = start(shell("sleep 300"));
    ProcessState state = ProcessState.decode(context.state());
    LocalProcessPlugin restarted = Tasks.plugin(data, Tasks.settings(root));
    assertThat(restarted.handle(context).block(TIMEOUT).phase()).isEqualTo(PluginPhase.RUNNING);

    ProcessHandle.of(state.pid()).orElseThrow().destroyForcibly();
    await("the wrapper to die", () -> !alive(state.pid()));
    PluginReport report = restarted.handle(context).block(TIMEOUT);

    assertThat(report.error().code()).isEqualTo("Interrupted");
    assertThat(report.error().kind()).isEqualTo(ErrorKind.SYSTEM);
  }

  @Test
  void givenStatePointingAtAReusedPid_thenNotAdoptedAndThatProcessIsNeverSignalled()
      throws Exception {
    Process stranger = new ProcessBuilder("sleep", "300").start();
    try {
      long ticks = ProcStat.read(stranger.pid()).orElseThrow().startTicks();
      PluginContext context = shell("true");
      Files.createDirectories(workDir(context));
      PluginContext stale =
          withState(
              context, new ProcessState(stranger.pid(), ticks - 1, workDir(context)).encode());

      PluginReport report = plugin.handle(stale).block(TIMEOUT);
      plugin.abort(stale, "stop").block(TIMEOUT);
      plugin.finalizeAttempt(stale).block(TIMEOUT);

      assertThat(report.error().code()).isEqualTo("Interrupted");
      assertThat(stranger.isAlive()).isTrue();
    } finally {
      stranger.destroyForcibly().waitFor();
    }
  }

  @Test
  void givenUnreadableState_whenHandled_thenRetryableSystemFailure() {
    PluginContext context =
        withState(
            shell("true"), Bytes.of("garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    PluginReport report = plugin.handle(context).block(TIMEOUT);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.SYSTEM);
  }

  @Test
  void givenManyAttempts_whenAllAreOver_thenNoFileDescriptorIsLeaked() throws Exception {
    // Warm up: class loading, the schedulers' threads, the JVM's process reaper.
    runAttempts(2);
    int before = Tasks.openFileDescriptors();

    runAttempts(6);

    await("file descriptors back to " + before, () -> Tasks.openFileDescriptors() <= before);
    assertThat(Tasks.openFileDescriptors()).isLessThanOrEqualTo(before);
  }

  private void runAttempts(int count) {
    for (int i = 0; i < count; i++) {
      PluginContext ok = start(shell("echo ok"));
      untilDone(plugin, ok);
      plugin.finalizeAttempt(ok).block(TIMEOUT);
      PluginContext failing = start(shell("echo no >&2; exit 2"));
      untilDone(plugin, failing);
      plugin.finalizeAttempt(failing).block(TIMEOUT);
      PluginContext aborted = start(shell("sleep 300 & wait"));
      plugin.abort(aborted, "stop").then(plugin.finalizeAttempt(aborted)).block(TIMEOUT);
    }
  }
}
