package io.aloft.adapters.local.process;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Starts a task's command as a local process tree and stops it again. Process-level only: it knows
 * nothing of plugins, contexts or storage.
 *
 * <p>The command runs under a small wrapper, {@code setsid /bin/sh -c WRAPPER}, so that:
 *
 * <ul>
 *   <li>the task gets its own session and process group (its id is the wrapper's pid), which finds
 *       every process it forks, also the ones that daemonise and lose their parent, and which is
 *       not the manager's group (a Ctrl-C on the manager does not reach tasks, and stopping a task
 *       cannot reach the manager);
 *   <li>the wrapper first records its pid in {@code <workDir>/wrapper-pid} (atomically, by rename),
 *       so a manager killed before it recorded the start still finds the task (see {@link
 *       WrapperPidFile});
 *   <li>the command's exit status is written atomically (write to {@code exit-code.tmp}, then
 *       rename) to {@code <workDir>/exit-code} when it ends, by the wrapper, so it is known even if
 *       the manager was gone at that moment;
 *   <li>the command is {@code exec}ed in a subshell, so shell builtins are never run in the wrapper
 *       (a command {@code cd} or {@code exit} cannot move or end it) and an exec failure is the
 *       shell's 127 (not found) or 126 (not executable).
 * </ul>
 *
 * stdout and stderr go to one log file opened in append mode, so the file can be truncated under
 * the running task without leaving a hole (see {@link LogRotation}); stdin is {@code /dev/null}.
 * The JVM keeps no pipe to the process. All methods here block (process start, {@code /proc} reads)
 * except {@link #terminate}, which returns a Mono that does its blocking work on {@link
 * Schedulers#boundedElastic()}.
 */
final class ProcessRunner {

  static final String EXIT_CODE_FILE = "exit-code";

  /** $1: work dir, $2: the mv binary, then the command's argv. */
  private static final String WRAPPER =
      """
      w=$1; mv=$2; shift 2
      printf '%s\\n' "$$" > "$w/wrapper-pid.tmp" && "$mv" -f "$w/wrapper-pid.tmp" "$w/wrapper-pid"
      ( exec "$@" )
      c=$?
      printf '%s\\n' "$c" > "$w/exit-code.tmp" && "$mv" -f "$w/exit-code.tmp" "$w/exit-code"
      exit "$c"
      """;

  /** How often {@link #terminate} looks whether the tree is gone during the grace period. */
  private static final Duration GONE_CHECK = Duration.ofMillis(50);

  /** Pause between SIGKILL rounds, and how many rounds before giving up. */
  private static final Duration KILL_ROUND_PAUSE = Duration.ofMillis(20);

  private static final int MAX_KILL_ROUNDS = 250;

  private static final System.Logger LOG = System.getLogger(ProcessRunner.class.getName());

  private final String setsid;
  private final String shell;
  private final String mv;

  ProcessRunner(String setsid, String shell, String mv) {
    this.setsid = Objects.requireNonNull(setsid, "setsid");
    this.shell = Objects.requireNonNull(shell, "shell");
    this.mv = Objects.requireNonNull(mv, "mv");
  }

  /**
   * Finds setsid, sh and mv in the usual places; fails at startup rather than at the first task.
   */
  static ProcessRunner detect() {
    return new ProcessRunner(
        find("setsid", "/usr/bin/setsid", "/bin/setsid", "/usr/sbin/setsid"),
        find("sh", "/bin/sh", "/usr/bin/sh"),
        find("mv", "/usr/bin/mv", "/bin/mv"));
  }

  private static String find(String name, String... candidates) {
    for (String candidate : candidates) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "the local process plugin needs '"
            + name
            + "' (looked in "
            + String.join(", ", candidates)
            + ")");
  }

  /** A started task: the JVM's handle on the wrapper, and what identifies it in /proc. */
  record Started(Process process, long pid, long startTicks) {}

  /**
   * Starts {@code argv} in {@code workDir} with exactly {@code environment}, appending stdout and
   * stderr to {@code logFile}. Blocking.
   */
  Started start(Path workDir, List<String> argv, Map<String, String> environment, Path logFile)
      throws IOException {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
    List<String> command = new ArrayList<>(argv.size() + 7);
    command.add(setsid);
    command.add(shell);
    command.add("-c");
    command.add(WRAPPER);
    command.add(WrapperPidFile.WRAPPER_NAME);
    command.add(workDir.toString());
    command.add(mv);
    command.addAll(argv);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(Redirect.from(new File("/dev/null")))
            .redirectOutput(Redirect.appendTo(logFile.toFile()))
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(environment);
    Process process = builder.start();
    // 0 when the wrapper is already gone: it then wrote its exit code, or was killed (the plugin
    // sees either way), and no later process can match a start time of 0.
    long startTicks = ProcStat.read(process.pid()).map(ProcStat::startTicks).orElse(0L);
    return new Started(process, process.pid(), startTicks);
  }

  /** The exit status the wrapper wrote, if it did. Blocking. */
  static OptionalInt readExitCode(Path workDir) {
    try {
      String text =
          new String(Files.readAllBytes(workDir.resolve(EXIT_CODE_FILE)), StandardCharsets.US_ASCII)
              .trim();
      return OptionalInt.of(Integer.parseInt(text));
    } catch (NoSuchFileException e) {
      return OptionalInt.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Whether the process recorded as ({@code pid}, {@code startTicks}) is alive. Blocking. */
  static boolean isAlive(long pid, long startTicks) {
    return ProcStat.read(pid).filter(p -> p.isSameLiveProcess(startTicks)).isPresent();
  }

  /**
   * Resolves a command as {@code exec} would: a name with a slash is a path (relative to {@code
   * workDir}), any other name is looked up in {@code path}. Empty when it would not be found or
   * cannot be executed. Blocking.
   */
  static Optional<Path> resolveCommand(String argv0, String path, Path workDir) {
    if (argv0.isEmpty()) {
      return Optional.empty();
    }
    if (argv0.indexOf('/') >= 0) {
      Path candidate = workDir.resolve(argv0);
      return executableFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }
    for (String dir : (path == null ? "" : path).split(":", -1)) {
      // An empty PATH entry is the current directory.
      Path candidate = (dir.isEmpty() ? workDir : workDir.resolve(dir)).resolve(argv0);
      if (executableFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean executableFile(Path candidate) {
    return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
  }

  /**
   * Stops the task whose session leader is ({@code sid}, {@code startTicks}): SIGTERM to every
   * process of the tree, up to {@code grace} for them to exit, then SIGKILL to whatever is left, in
   * rounds until nothing is left. The tree is the leader's descendants (a snapshot taken before the
   * first signal, which also holds children that started their own session) plus every live member
   * of the task's session (which holds the orphans re-parented to init). A process is signalled
   * only after its start time is checked again, so a reused pid is never hit; nothing is signalled
   * when the leader's pid now belongs to another process. Safe when everything is gone already, and
   * idempotent.
   *
   * @return completes when no process of the tree is left (or after the last SIGKILL round)
   */
  Mono<Void> terminate(long sid, long startTicks, Duration grace) {
    return Mono.fromCallable(
            () -> {
              List<ProcStat> targets = snapshot(sid, startTicks);
              signal(targets, false);
              return targets;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            targets ->
                targets.isEmpty()
                    ? Mono.<Void>empty()
                    : awaitGone(sid, startTicks, targets, grace)
                        .then(killRounds(sid, startTicks, targets)));
  }

  private Mono<Void> awaitGone(long sid, long startTicks, List<ProcStat> known, Duration grace) {
    if (grace.isZero() || grace.isNegative()) {
      return Mono.empty();
    }
    Duration step = grace.compareTo(GONE_CHECK) < 0 ? grace : GONE_CHECK;
    return Flux.interval(step)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                Mono.fromCallable(() -> remaining(sid, startTicks, known).isEmpty())
                    .subscribeOn(Schedulers.boundedElastic()),
            1)
        .takeUntil(gone -> gone)
        .take(grace)
        .then();
  }

  private Mono<Void> killRounds(long sid, long startTicks, List<ProcStat> known) {
    return Mono.fromCallable(
            () -> {
              List<ProcStat> left = remaining(sid, startTicks, known);
              signal(left, true);
              return left.size();
            })
        .subscribeOn(Schedulers.boundedElastic())
        .repeatWhen(rounds -> rounds.delayElements(KILL_ROUND_PAUSE))
        .takeUntil(left -> left == 0)
        .take(MAX_KILL_ROUNDS)
        .last(0)
        .doOnNext(
            left -> {
              if (left > 0) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "{0} process(es) of task session {1} survive SIGKILL (uninterruptible?)",
                    left,
                    sid);
              }
            })
        .then();
  }

  /** The known processes still alive, plus the tree as it is now. Blocking. */
  static List<ProcStat> remaining(long sid, long startTicks, List<ProcStat> known) {
    Map<Long, ProcStat> result = new LinkedHashMap<>();
    for (ProcStat p : known) {
      if (isAlive(p.pid(), p.startTicks())) {
        result.put(p.pid(), p);
      }
    }
    for (ProcStat p : snapshot(sid, startTicks)) {
      result.putIfAbsent(p.pid(), p);
    }
    return List.copyOf(result.values());
  }

  /**
   * The live processes of the task: the leader's descendants when the leader is still alive, and
   * the members of its session, unless the leader's pid was reused (then the session with that id
   * is someone else's). Leader last, so its children are signalled before it. Blocking.
   */
  static List<ProcStat> snapshot(long sid, long startTicks) {
    Optional<ProcStat> leader = ProcStat.read(sid);
    if (leader.isPresent() && leader.get().startTicks() != startTicks) {
      return List.of();
    }
    boolean leaderAlive = leader.isPresent() && leader.get().isAlive();
    long self = ProcessHandle.current().pid();
    Map<Long, ProcStat> result = new LinkedHashMap<>();
    if (leaderAlive) {
      ProcessHandle.of(sid)
          .ifPresent(
              handle ->
                  handle
                      .descendants()
                      .forEach(
                          d ->
                              ProcStat.read(d.pid())
                                  .filter(ProcStat::isAlive)
                                  .ifPresent(p -> result.put(p.pid(), p))));
    }
    if (startTicks != 0) {
      for (ProcStat p : ProcStat.sessionMembers(sid)) {
        if (p.pid() != sid) {
          result.putIfAbsent(p.pid(), p);
        }
      }
    }
    if (leaderAlive) {
      result.put(sid, leader.get());
    }
    result.remove(self);
    return List.copyOf(result.values());
  }

  /** SIGTERM (or SIGKILL when forced) to each process still the one recorded. Blocking. */
  static void signal(List<ProcStat> targets, boolean force) {
    long self = ProcessHandle.current().pid();
    for (ProcStat target : targets) {
      if (target.pid() == self || !isAlive(target.pid(), target.startTicks())) {
        continue;
      }
      ProcessHandle.of(target.pid())
          .ifPresent(
              handle -> {
                if (force) {
                  handle.destroyForcibly();
                } else {
                  handle.destroy();
                }
              });
    }
  }
}
