package io.aloft.adapters.local.process;

import io.aloft.application.copilot.Copilot;
import io.aloft.application.copilot.UploadResult;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.execution.ContainerSpec;
import io.aloft.domain.execution.EnvVar;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@code container} tasks in embedded mode: the template's command and args (the image is
 * ignored) as a local process.
 *
 * <h2>Layout</h2>
 *
 * Each attempt, and each restart of an attempt after a system failure, gets its own directory
 * {@code <workRoot>/<project>/<domain>/<attempt name>/} holding {@code inputs/} (the copilot's
 * download), {@code outputs/} (where the task writes, uploaded on exit 0), {@code tmp/} (the task's
 * TMPDIR), {@code task.log} (stdout and stderr, interleaved as written) and, once there, {@code
 * task.log.1} (the rotated part), {@code process} (pid and start time, as in the plugin state) and
 * {@code exit-code}.
 *
 * <h2>Environment</h2>
 *
 * The task does not inherit the manager's environment. It gets PATH, HOME and LANG from the
 * manager, TMPDIR, the context's environment, the container's variables (in order, later wins; they
 * may override the previous ones), and last {@code ALOFT_INPUT_DIR}, {@code ALOFT_OUTPUT_DIR},
 * {@code ALOFT_WORK_DIR}, {@code ALOFT_RAW_OUTPUT_PREFIX} and {@code ALOFT_OUTPUT_PREFIX}, which
 * the task cannot override.
 *
 * <h2>Lifecycle</h2>
 *
 * The first {@link #handle} creates the directories, downloads the inputs, checks the command can
 * be executed and starts it (see {@link ProcessRunner} for the wrapper: own session, exit code
 * written to a file by the wrapper). Later calls look at the exit code file and the process:
 *
 * <ul>
 *   <li>still running: RUNNING, ask again after the poll interval (for a process this JVM started
 *       the controller is also woken when it exits);
 *   <li>exit 0: the outputs are uploaded; SUCCESS, or a retryable USER failure when the copilot
 *       rejects them (its code and message), or a retryable SYSTEM failure {@code
 *       OutputUploadFailed} when storage fails;
 *   <li>exit 127 and a command that cannot be executed: permanent USER failure {@code
 *       CommandNotFound} (retrying cannot make a program appear);
 *   <li>any other exit: retryable USER failure {@code NonZeroExit} with the exit code and the last
 *       lines of the log;
 *   <li>gone without an exit code (killed from outside, the machine restarted, or a pid that now
 *       names another process): retryable SYSTEM failure {@code Interrupted}.
 * </ul>
 *
 * A missing container or an empty command is a permanent {@code BadTaskSpecification}.
 *
 * <h2>Restarts</h2>
 *
 * The state holds pid, start time and work directory. A new manager given that state finds the
 * process again (checking the start time in {@code /proc}, so a reused pid is never adopted), polls
 * it and reads its exit code; the task never notices: it runs in its own session, writes to a file
 * and reads nothing from the manager.
 *
 * <h2>Logs</h2>
 *
 * A task printing without end must not fill the disk. The plugin rotates rather than fails: when
 * {@code task.log} passes half of {@link LocalProcessSettings#maxLogBytes()} its last half is moved
 * to {@code task.log.1} and {@code task.log} is truncated in place (see {@link LogRotation}), so
 * the task keeps running and its latest output is kept, as the kubelet does with container logs.
 * The size is checked every poll interval while anything of the task is alive, and on every call.
 * The log link is {@code file://<work dir>/task.log}; {@link LogTail} reads and follows it.
 *
 * <h2>Stopping and cleaning up</h2>
 *
 * {@link #abort} sends SIGTERM to the task's whole tree, waits up to the grace period (without
 * blocking a thread) and SIGKILLs what is left. {@link #finalizeAttempt} does the same for whatever
 * the task left running after it exited (background processes), deletes the task's {@code tmp/}
 * (scratch space), stops watching the log and forgets the attempt. It keeps the rest of the work
 * directory: the log is read after the attempt (UI, TailLogs), and inputs and outputs help to debug
 * it. The plugin holds no file handle between calls (files are opened and closed within a step; the
 * JVM keeps no pipe to the process). Removing old work directories is {@link WorkDirRetention}'s
 * work, not the plugin's. {@link #close} only stops watching: tasks outlive a manager shutdown.
 *
 * <p>The tree is found through the session and the process ancestry, without cgroups: a process
 * that starts a session of its own <em>and</em> loses its parent before the task is stopped (a
 * classic daemon) is out of reach.
 *
 * <p>Nothing here blocks the caller's thread: process start, file I/O and {@code /proc} reads run
 * on {@link Schedulers#boundedElastic()}.
 */
public final class LocalProcessPlugin implements TaskPlugin, AutoCloseable {

  public static final String TASK_TYPE = "container";
  public static final String LOG_FILE = "task.log";
  public static final String INPUTS_DIR = "inputs";
  public static final String OUTPUTS_DIR = "outputs";
  static final String TMP_DIR = "tmp";
  static final String PROCESS_FILE = "process";
  static final String ABORTED_FILE = "aborted";

  /** How much of the log a failure message quotes. */
  static final int FAILURE_LOG_LINES = 20;

  static final int FAILURE_LOG_CHARS = 4 * 1024;

  /** How long abort waits for the JVM to reap a killed wrapper. */
  private static final Duration REAP_WAIT = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(LocalProcessPlugin.class.getName());

  private final TaskData data;
  private final LocalProcessSettings settings;
  private final ProcessRunner runner;
  private final Clock clock;
  private final Map<String, String> baseEnvironment;

  /** Attempts with something alive, by work directory. */
  private final ConcurrentMap<Path, Attempt> attempts = new ConcurrentHashMap<>();

  /** First calls in flight, by work directory: a repeated first call joins the running one. */
  private final ConcurrentMap<Path, Mono<PluginReport>> starting = new ConcurrentHashMap<>();

  /** Rotations are rare and short; one at a time keeps the watcher and a call apart. */
  private final Object rotationLock = new Object();

  public LocalProcessPlugin(Copilot copilot, LocalProcessSettings settings) {
    this(
        TaskData.of(copilot),
        settings,
        ProcessRunner.detect(),
        Clock.systemUTC(),
        baseEnvironment(System.getenv()));
  }

  LocalProcessPlugin(
      TaskData data,
      LocalProcessSettings settings,
      ProcessRunner runner,
      Clock clock,
      Map<String, String> baseEnvironment) {
    this.data = Objects.requireNonNull(data, "data");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.baseEnvironment = Map.copyOf(baseEnvironment);
  }

  /** PATH, HOME and LANG of the manager, with defaults when it has none. */
  static Map<String, String> baseEnvironment(Map<String, String> manager) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", manager.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
    env.put("HOME", manager.getOrDefault("HOME", System.getProperty("user.home", "/")));
    env.put("LANG", manager.getOrDefault("LANG", "C.UTF-8"));
    return env;
  }

  @Override
  public Set<String> taskTypes() {
    return Set.of(TASK_TYPE);
  }

  /** The attempt's work directory: {@code <workRoot>/<project>/<domain>/<attempt name>}. */
  public Path workDirectory(PluginContext context) {
    ActionId action = context.spec().action();
    Path root = settings.workRoot();
    Path dir =
        root.resolve(action.run().scope().project().name())
            .resolve(action.run().scope().domain().name())
            .resolve(context.attemptName())
            .normalize();
    if (!dir.startsWith(root) || dir.getNameCount() != root.getNameCount() + 3) {
      throw new IllegalArgumentException("attempt name escapes the work root: " + dir);
    }
    return dir;
  }

  /** The log of the attempt whose work directory is {@code workDir}. */
  public static Path logFile(Path workDir) {
    return workDir.resolve(LOG_FILE);
  }

  @Override
  public Mono<PluginReport> handle(PluginContext context) {
    return Mono.defer(
        () -> {
          Optional<String> invalid = invalidSpec(context.template().container());
          if (invalid.isPresent()) {
            return Mono.just(
                PluginReport.failed(
                    false,
                    context.state(),
                    List.of(),
                    error("BadTaskSpecification", invalid.get(), ErrorKind.USER)));
          }
          if (!context.state().isEmpty()) {
            ProcessState state;
            try {
              state = ProcessState.decode(context.state());
            } catch (IllegalArgumentException e) {
              return Mono.just(
                  PluginReport.failed(
                      true,
                      context.state(),
                      List.of(),
                      error(
                          "Interrupted",
                          "cannot find the task's process again: " + e.getMessage(),
                          ErrorKind.SYSTEM)));
            }
            return check(context, state);
          }
          Path workDir = workDirectory(context);
          return starting.computeIfAbsent(
              workDir,
              key -> startOrAdopt(context, key).doFinally(signal -> starting.remove(key)).cache());
        });
  }

  private static Optional<String> invalidSpec(ContainerSpec container) {
    if (container == null) {
      return Optional.of(
          "a container task needs a container (command and args); the task template has none");
    }
    List<String> argv = container.argv();
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      return Optional.of("the container's command and args are empty: there is nothing to run");
    }
    for (String arg : argv) {
      if (arg.indexOf('\0') >= 0) {
        return Optional.of("the container's command or args contain a NUL character");
      }
    }
    for (EnvVar var : container.env()) {
      if (var.name().isEmpty()
          || var.name().indexOf('=') >= 0
          || var.name().indexOf('\0') >= 0
          || var.value().indexOf('\0') >= 0) {
        return Optional.of(
            "the container's environment variable '"
                + var.name()
                + "' is not valid: a name must be non-empty without '=' or NUL");
      }
    }
    return Optional.empty();
  }

  /** A first call: adopt what a previous first call started, or start. */
  private Mono<PluginReport> startOrAdopt(PluginContext context, Path workDir) {
    return Mono.fromCallable(() -> readProcessFile(workDir))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            existing ->
                existing.isPresent() ? check(context, existing.get()) : start(context, workDir));
  }

  private Mono<PluginReport> start(PluginContext context, Path workDir) {
    ContainerSpec container = context.template().container();
    Map<String, String> environment = environment(context, container, workDir);
    List<TaskLog> logs = logs(workDir);
    return Mono.fromCallable(
            () -> {
              prepare(workDir);
              return workDir;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .then(
            Mono.defer(() -> data.download(context.inputsFile(), workDir.resolve(INPUTS_DIR)))
                .onErrorMap(DownloadFailed::new))
        .then(
            Mono.fromCallable(() -> spawn(context, workDir, container.argv(), environment, logs))
                .subscribeOn(Schedulers.boundedElastic()))
        .onErrorResume(
            DownloadFailed.class,
            e ->
                Mono.just(
                    PluginReport.failed(
                        true,
                        Bytes.EMPTY,
                        logs,
                        error(
                            "InputDownloadFailed",
                            "cannot download the inputs "
                                + context.inputsFile()
                                + ": "
                                + describe(e.getCause()),
                            ErrorKind.SYSTEM))))
        .onErrorResume(
            IOException.class,
            e ->
                Mono.just(
                    PluginReport.failed(
                        true,
                        Bytes.EMPTY,
                        logs,
                        error(
                            "ProcessStartFailed",
                            "cannot start the task in " + workDir + ": " + describe(e),
                            ErrorKind.SYSTEM))));
  }

  /** Marks a download failure apart from the plugin's own I/O errors. */
  private static final class DownloadFailed extends RuntimeException {
    DownloadFailed(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /** Creates the layout; a fresh start in a directory a crashed first call left starts clean. */
  private static void prepare(Path workDir) throws IOException {
    Files.createDirectories(workDir);
    for (String dir : List.of(INPUTS_DIR, OUTPUTS_DIR, TMP_DIR)) {
      Path path = workDir.resolve(dir);
      if (Files.isDirectory(path)) {
        deleteContents(path);
      }
      Files.createDirectories(path);
    }
    Files.deleteIfExists(workDir.resolve(ProcessRunner.EXIT_CODE_FILE));
    Files.deleteIfExists(workDir.resolve(ProcessRunner.EXIT_CODE_FILE + ".tmp"));
    WrapperPidFile.delete(workDir);
  }

  private static void deleteContents(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          deleteContents(entry);
        }
        Files.deleteIfExists(entry);
      }
    }
  }

  /** Checks the command, starts it and records it. Blocking. */
  private PluginReport spawn(
      PluginContext context,
      Path workDir,
      List<String> argv,
      Map<String, String> environment,
      List<TaskLog> logs)
      throws IOException {
    if (Files.exists(workDir.resolve(ABORTED_FILE))) {
      return PluginReport.failed(
          false,
          Bytes.EMPTY,
          logs,
          error("Aborted", "the attempt was aborted before its process started", ErrorKind.USER));
    }
    Path log = logFile(workDir);
    String argv0 = argv.get(0);
    if (ProcessRunner.resolveCommand(argv0, environment.get("PATH"), workDir).isEmpty()) {
      String message = "command not found: " + argv0;
      Files.writeString(
          log,
          "aloft: " + message + " (PATH=" + environment.get("PATH") + ")\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return PluginReport.failed(
          false, Bytes.EMPTY, logs, error("CommandNotFound", message, ErrorKind.USER));
    }
    ProcessRunner.Started started = runner.start(workDir, argv, environment, log);
    ProcessState state = new ProcessState(started.pid(), started.startTicks(), workDir);
    try {
      writeProcessFile(state);
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot write the process file in " + workDir + "; the plugin state still holds it",
          e);
    }
    track(state, started.process(), context.wakeUp());
    return PluginReport.running(state.encode(), logs, settings.pollInterval());
  }

  private Map<String, String> environment(
      PluginContext context, ContainerSpec container, Path workDir) {
    Map<String, String> env = new LinkedHashMap<>(baseEnvironment);
    env.put("TMPDIR", workDir.resolve(TMP_DIR).toString());
    env.putAll(context.environment());
    for (EnvVar var : container.env()) {
      env.put(var.name(), var.value());
    }
    env.put("ALOFT_INPUT_DIR", workDir.resolve(INPUTS_DIR).toString());
    env.put("ALOFT_OUTPUT_DIR", workDir.resolve(OUTPUTS_DIR).toString());
    env.put("ALOFT_WORK_DIR", workDir.toString());
    env.put("ALOFT_RAW_OUTPUT_PREFIX", context.rawOutputPrefix());
    env.put("ALOFT_OUTPUT_PREFIX", context.outputPrefix());
    return env;
  }

  /** What one look at a started attempt found. */
  private sealed interface Observation {
    record Running() implements Observation {}

    record Exited(int code) implements Observation {}

    record Vanished() implements Observation {}
  }

  private Mono<PluginReport> check(PluginContext context, ProcessState state) {
    List<TaskLog> logs = logs(state.workDir());
    return Mono.fromCallable(() -> observe(context, state))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            observation ->
                switch (observation) {
                  case Observation.Running r ->
                      Mono.just(
                          PluginReport.running(state.encode(), logs, settings.pollInterval()));
                  case Observation.Exited exited -> finish(context, state, exited.code(), logs);
                  case Observation.Vanished v ->
                      failure(
                          true,
                          state,
                          logs,
                          "Interrupted",
                          "the task's process (pid "
                              + state.pid()
                              + ") ended without an exit status: it was killed outside Aloft"
                              + " (e.g. by the kernel's OOM killer) or the machine restarted",
                          ErrorKind.SYSTEM);
                });
  }

  /** Blocking: the log's size, the exit code file, the process. */
  private Observation observe(PluginContext context, ProcessState state) {
    Attempt attempt = attempts.get(state.workDir());
    if (attempt != null && attempt.state.equals(state)) {
      attempt.wakeUp = context.wakeUp();
    } else {
      attempt = null;
    }
    rotateLog(state.workDir());
    OptionalInt exit = ProcessRunner.readExitCode(state.workDir());
    if (exit.isPresent()) {
      return new Observation.Exited(exit.getAsInt());
    }
    boolean alive =
        attempt != null && attempt.process != null
            ? attempt.process.isAlive()
            : ProcessRunner.isAlive(state.pid(), state.startTicks());
    if (alive) {
      if (attempt == null) {
        // A process this JVM did not start (a restarted manager): watch its log and wake the
        // controller when it ends.
        track(state, null, context.wakeUp());
      }
      return new Observation.Running();
    }
    // It may have written its exit code just before the check above found it gone.
    exit = ProcessRunner.readExitCode(state.workDir());
    return exit.isPresent() ? new Observation.Exited(exit.getAsInt()) : new Observation.Vanished();
  }

  private Mono<PluginReport> finish(
      PluginContext context, ProcessState state, int code, List<TaskLog> logs) {
    if (code == 0) {
      Path outputs = state.workDir().resolve(OUTPUTS_DIR);
      return Mono.defer(
              () ->
                  data.upload(
                      context.template().iface(),
                      outputs,
                      context.outputPrefix(),
                      context.rawOutputPrefix()))
          .map(
              result ->
                  switch (result) {
                    case UploadResult.Uploaded uploaded ->
                        PluginReport.succeeded(
                            state.encode(), logs, uploaded.outputsFile(), uploaded.reportFile());
                    case UploadResult.Rejected rejected ->
                        PluginReport.failed(true, state.encode(), logs, asUser(rejected.error()));
                  })
          .switchIfEmpty(
              Mono.fromSupplier(
                  () ->
                      PluginReport.failed(
                          true,
                          state.encode(),
                          logs,
                          error(
                              "OutputUploadFailed",
                              "uploading the outputs gave no result",
                              ErrorKind.SYSTEM))))
          .onErrorResume(
              e ->
                  Mono.just(
                      PluginReport.failed(
                          true,
                          state.encode(),
                          logs,
                          error(
                              "OutputUploadFailed",
                              "cannot upload the outputs to "
                                  + context.outputPrefix()
                                  + ": "
                                  + describe(e),
                              ErrorKind.SYSTEM))));
    }
    String argv0 = context.template().container().argv().get(0);
    if (code == 127) {
      return failure(
          false,
          state,
          logs,
          "CommandNotFound",
          "command not found: " + argv0 + " or a command it ran (exit code 127)",
          ErrorKind.USER);
    }
    return failure(
        true, state, logs, "NonZeroExit", argv0 + " " + describeExit(code), ErrorKind.USER);
  }

  /** A failure whose message ends with the last lines of the log. */
  private Mono<PluginReport> failure(
      boolean retryable,
      ProcessState state,
      List<TaskLog> logs,
      String code,
      String message,
      ErrorKind kind) {
    return Mono.fromCallable(() -> message + logExcerpt(state.workDir()))
        .subscribeOn(Schedulers.boundedElastic())
        .map(full -> PluginReport.failed(retryable, state.encode(), logs, error(code, full, kind)));
  }

  /** The last lines of the log, at most {@link #FAILURE_LOG_CHARS}, or "" if there are none. */
  static String logExcerpt(Path workDir) {
    List<String> lines;
    try {
      lines = LogTail.readLastLines(logFile(workDir), FAILURE_LOG_LINES, 64 * 1024).lines();
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
    if (lines.isEmpty()) {
      return "";
    }
    String text = String.join("\n", lines);
    if (text.length() > FAILURE_LOG_CHARS) {
      text = "..." + text.substring(text.length() - FAILURE_LOG_CHARS);
    }
    return "\nlast lines of task.log:\n" + text;
  }

  static String describeExit(int code) {
    if (code > 128 && code < 128 + 65) {
      int signal = code - 128;
      String name =
          switch (signal) {
            case 1 -> " (SIGHUP)";
            case 2 -> " (SIGINT)";
            case 6 -> " (SIGABRT)";
            case 9 -> " (SIGKILL: out of memory?)";
            case 11 -> " (SIGSEGV)";
            case 13 -> " (SIGPIPE)";
            case 15 -> " (SIGTERM)";
            default -> "";
          };
      return "exited with code " + code + ": killed by signal " + signal + name;
    }
    return "exited with code " + code;
  }

  private ExecutionError asUser(ExecutionError error) {
    return new ExecutionError(
        error.code().isEmpty() ? "OutputsRejected" : error.code(),
        error.message(),
        ErrorKind.USER,
        error.errorUri(),
        error.timestamp() == null ? clock.instant() : error.timestamp());
  }

  @Override
  public Mono<Void> abort(PluginContext context, String reason) {
    return Mono.defer(
        () -> {
          Path workDir = workDirectory(context);
          Mono<PluginReport> inFlight = starting.get(workDir);
          // Marked first, so a first call that has not spawned yet does not; then waited for, so
          // one that has spawned is killed with the rest.
          Mono<Void> mark =
              Mono.fromCallable(() -> markAborted(workDir, reason))
                  .subscribeOn(Schedulers.boundedElastic())
                  .then();
          Mono<Void> settled =
              inFlight == null ? Mono.empty() : inFlight.onErrorResume(e -> Mono.empty()).then();
          return mark.then(settled)
              .then(
                  Mono.fromCallable(() -> knownState(context, workDir))
                      .subscribeOn(Schedulers.boundedElastic()))
              .flatMap(state -> state.map(this::stop).orElse(Mono.empty()));
        });
  }

  @Override
  public Mono<Void> finalizeAttempt(PluginContext context) {
    return Mono.defer(
        () -> {
          Path workDir = workDirectory(context);
          return Mono.fromCallable(() -> knownState(context, workDir))
              .subscribeOn(Schedulers.boundedElastic())
              .flatMap(
                  state ->
                      state.map(s -> stop(s).then(removeScratch(s.workDir()))).orElse(Mono.empty()))
              .then(removeScratch(workDir))
              .then(Mono.fromRunnable(() -> forget(workDir)));
        });
  }

  /** Deletes the task's TMPDIR: scratch space nobody reads after the attempt. */
  private static Mono<Void> removeScratch(Path workDir) {
    return Mono.fromCallable(
            () -> {
              Path tmp = workDir.resolve(TMP_DIR);
              if (Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
                deleteContents(tmp);
                Files.deleteIfExists(tmp);
              }
              return workDir;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(
            IOException.class,
            e -> {
              LOG.log(System.Logger.Level.WARNING, "cannot delete " + workDir.resolve(TMP_DIR), e);
              return Mono.empty();
            })
        .then();
  }

  /**
   * Terminates the tree (a no-op when it is gone), waits for the JVM to reap its child, forgets.
   */
  private Mono<Void> stop(ProcessState state) {
    Attempt attempt = attempts.get(state.workDir());
    Mono<Void> reaped =
        attempt == null || attempt.process == null
            ? Mono.empty()
            : Mono.fromFuture(attempt.process.onExit(), true)
                .timeout(REAP_WAIT)
                .onErrorResume(e -> Mono.empty())
                .then();
    return runner
        .terminate(state.pid(), state.startTicks(), settings.terminationGrace())
        .then(reaped)
        .then(Mono.fromRunnable(() -> forget(state.workDir())));
  }

  /**
   * Stops watching every attempt (for a manager shutting down). The tasks themselves go on running:
   * a restarted manager finds them again from their state.
   */
  @Override
  public void close() {
    for (Path workDir : List.copyOf(attempts.keySet())) {
      forget(workDir);
    }
  }

  private void forget(Path workDir) {
    Attempt attempt = attempts.remove(workDir);
    if (attempt != null) {
      attempt.dispose();
    }
  }

  /** The state to stop: the context's, else the process file (a start never reported). */
  private Optional<ProcessState> knownState(PluginContext context, Path workDir)
      throws IOException {
    if (!context.state().isEmpty()) {
      try {
        return Optional.of(ProcessState.decode(context.state()));
      } catch (IllegalArgumentException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "unreadable plugin state for " + workDir + "; using its process file",
            e);
      }
    }
    return readProcessFile(workDir);
  }

  private static boolean markAborted(Path workDir, String reason) throws IOException {
    if (!Files.isDirectory(workDir)) {
      return false;
    }
    Files.writeString(
        workDir.resolve(ABORTED_FILE),
        (reason == null ? "aborted" : reason) + "\n",
        StandardCharsets.UTF_8);
    return true;
  }

  /**
   * The process file, else what the wrapper recorded: the manager may have died between starting
   * the task and writing the process file.
   */
  private static Optional<ProcessState> readProcessFile(Path workDir) throws IOException {
    Optional<ProcessState> written = readWrittenProcessFile(workDir);
    if (written.isPresent()) {
      return written;
    }
    Optional<ProcessState> recorded = WrapperPidFile.read(workDir);
    if (recorded.isPresent()) {
      // Completes what the killed manager left undone, so every later look finds the record.
      writeProcessFile(recorded.get());
    }
    return recorded;
  }

  private static Optional<ProcessState> readWrittenProcessFile(Path workDir) throws IOException {
    try {
      String text = Files.readString(workDir.resolve(PROCESS_FILE), StandardCharsets.UTF_8);
      return Optional.of(ProcessState.decodeText(text));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "ignoring an unreadable process file in " + workDir, e);
      return Optional.empty();
    }
  }

  private static void writeProcessFile(ProcessState state) throws IOException {
    Path tmp = state.workDir().resolve(PROCESS_FILE + ".tmp");
    Files.writeString(tmp, state.encodeText(), StandardCharsets.UTF_8);
    Files.move(
        tmp,
        state.workDir().resolve(PROCESS_FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Rotates the log if it is over budget. Blocking; never throws. */
  private void rotateLog(Path workDir) {
    synchronized (rotationLock) {
      try {
        long size = LogRotation.rotateIfNeeded(logFile(workDir), settings.maxLogBytes());
        if (size >= 0) {
          LOG.log(System.Logger.Level.DEBUG, "rotated {0} at {1} bytes", logFile(workDir), size);
        }
      } catch (IOException | UncheckedIOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot rotate " + logFile(workDir), e);
      }
    }
  }

  /**
   * Starts watching an attempt: its log's size every poll interval while anything of the task is
   * alive, and its end (for a process this JVM started, the moment it exits; otherwise at the next
   * poll) to wake the controller.
   */
  private void track(ProcessState state, Process process, Runnable wakeUp) {
    Attempt attempt = new Attempt(state, process, wakeUp);
    Attempt existing = attempts.putIfAbsent(state.workDir(), attempt);
    if (existing != null) {
      existing.wakeUp = wakeUp;
      return;
    }
    if (process != null) {
      process.onExit().thenRun(attempt::leaderEnded);
    }
    attempt.watch(
        Flux.interval(settings.pollInterval())
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    Mono.fromCallable(() -> watchStep(attempt))
                        .subscribeOn(Schedulers.boundedElastic()),
                1)
            .takeUntil(finished -> finished)
            .subscribe(
                finished -> {
                  if (finished) {
                    attempts.remove(state.workDir(), attempt);
                  }
                },
                e -> LOG.log(System.Logger.Level.WARNING, "watching " + state.workDir(), e)));
  }

  /** One look: rotate, notice the end. True when nothing of the task is left to watch. */
  private boolean watchStep(Attempt attempt) {
    rotateLog(attempt.state.workDir());
    boolean leaderAlive =
        attempt.process != null
            ? attempt.process.isAlive()
            : ProcessRunner.isAlive(attempt.state.pid(), attempt.state.startTicks());
    if (leaderAlive) {
      return false;
    }
    attempt.leaderEnded();
    return ProcessRunner.snapshot(attempt.state.pid(), attempt.state.startTicks()).isEmpty();
  }

  private static List<TaskLog> logs(Path workDir) {
    return List.of(new TaskLog(LOG_FILE, logFile(workDir).toUri().toString()));
  }

  private ExecutionError error(String code, String message, ErrorKind kind) {
    return new ExecutionError(code, message, kind, null, clock.instant());
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** One attempt with something alive, as this plugin instance knows it. */
  private static final class Attempt {
    final ProcessState state;

    /** Null when this JVM did not start the process. */
    final Process process;

    volatile Runnable wakeUp;
    private Disposable watcher;
    private boolean disposed;
    private boolean woken;

    Attempt(ProcessState state, Process process, Runnable wakeUp) {
      this.state = state;
      this.process = process;
      this.wakeUp = wakeUp;
    }

    /** Wakes the controller once when the task's main process ended. */
    void leaderEnded() {
      synchronized (this) {
        if (woken) {
          return;
        }
        woken = true;
      }
      try {
        wakeUp.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "waking the controller failed", e);
      }
    }

    void watch(Disposable watcher) {
      boolean late;
      synchronized (this) {
        late = disposed;
        this.watcher = watcher;
      }
      if (late) {
        watcher.dispose();
      }
    }

    void dispose() {
      Disposable current;
      synchronized (this) {
        disposed = true;
        current = watcher;
      }
      if (current != null) {
        current.dispose();
      }
    }
  }
}
