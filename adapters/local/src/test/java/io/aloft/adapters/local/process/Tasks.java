package io.aloft.adapters.local.process;

import io.aloft.application.copilot.UploadResult;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.execution.CacheSettings;
import io.aloft.domain.execution.ContainerSpec;
import io.aloft.domain.execution.EnvVar;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.literal.Outputs;
import io.aloft.domain.literal.TypedInterface;
import io.aloft.domain.support.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Builds plugin contexts and stand-ins for the plugin's tests. */
final class Tasks {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String PROJECT = "flytesnacks";
  static final String DOMAIN = "development";
  static final Map<String, String> BASE_ENV =
      Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/tmp", "LANG", "C.UTF-8");

  private static final AtomicInteger RUNS = new AtomicInteger();

  private Tasks() {}

  /** Settings for tests: short grace, small log budget, fast polls. */
  static LocalProcessSettings settings(Path root) {
    return new LocalProcessSettings(
        root, Duration.ofMillis(500), 1024 * 1024, Duration.ofMillis(50));
  }

  static LocalProcessPlugin plugin(TaskData data, LocalProcessSettings settings) {
    return new LocalProcessPlugin(
        data, settings, ProcessRunner.detect(), Clock.systemUTC(), BASE_ENV);
  }

  /** A context running {@code /bin/sh -c script} in a fresh run. */
  static PluginContext shell(String script) {
    return context(container(List.of("/bin/sh", "-c", script), List.of()), 0, () -> {});
  }

  static ContainerSpec container(List<String> argv, List<EnvVar> env) {
    return new ContainerSpec(
        "ignored:latest", argv.subList(0, 1), argv.subList(1, argv.size()), env);
  }

  static PluginContext context(ContainerSpec container, int systemFailures, Runnable wakeUp) {
    String run = "r" + ProcessHandle.current().pid() + "x" + RUNS.incrementAndGet();
    ActionId action = ActionId.of(PROJECT, DOMAIN, run, "a1");
    TaskActionSpec spec =
        new TaskActionSpec(
            action,
            null,
            ActionType.TASK,
            "s3://bucket/inputs/" + run,
            "s3://bucket/runs/" + run,
            "container",
            "t",
            Bytes.EMPTY,
            null,
            null,
            Map.of(),
            Instant.now());
    TaskTemplate template =
        new TaskTemplate(
            "container",
            new TypedInterface(Map.of(), Map.of()),
            2,
            null,
            false,
            CacheSettings.DISABLED,
            container,
            Map.of());
    return new PluginContext(
        spec,
        template,
        1,
        systemFailures,
        Bytes.EMPTY,
        "s3://bucket/inputs/" + run + "/inputs.pb",
        "s3://bucket/out/" + run + "/a1/1",
        "s3://bucket/out/" + run + "/a1/1/raw",
        Map.of("ACTION_NAME", "a1", "RUN_NAME", run, "ALOFT_ATTEMPT", "1"),
        null,
        wakeUp);
  }

  static PluginContext withState(PluginContext c, Bytes state) {
    return new PluginContext(
        c.spec(),
        c.template(),
        c.attempt(),
        c.systemFailures(),
        state,
        c.inputsFile(),
        c.outputPrefix(),
        c.rawOutputPrefix(),
        c.environment(),
        c.deadline(),
        c.wakeUp());
  }

  static PluginContext withWakeUp(PluginContext c, Runnable wakeUp) {
    return new PluginContext(
        c.spec(),
        c.template(),
        c.attempt(),
        c.systemFailures(),
        c.state(),
        c.inputsFile(),
        c.outputPrefix(),
        c.rawOutputPrefix(),
        c.environment(),
        c.deadline(),
        wakeUp);
  }

  static PluginContext withTemplate(PluginContext c, TaskTemplate template) {
    return new PluginContext(
        c.spec(),
        template,
        c.attempt(),
        c.systemFailures(),
        c.state(),
        c.inputsFile(),
        c.outputPrefix(),
        c.rawOutputPrefix(),
        c.environment(),
        c.deadline(),
        c.wakeUp());
  }

  /** Calls handle until the report is terminal, carrying the state like the controller. */
  static PluginReport untilDone(LocalProcessPlugin plugin, PluginContext context) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    PluginContext current = context;
    while (System.nanoTime() < deadline) {
      PluginReport report = plugin.handle(current).block(TIMEOUT);
      if (report.phase().isFailure()
          || report.phase() == io.aloft.domain.execution.PluginPhase.SUCCESS) {
        return report;
      }
      current = withState(current, report.state());
      sleep(20);
    }
    throw new AssertionError("the attempt did not finish within " + TIMEOUT);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits until {@code condition} holds. */
  static void await(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      sleep(10);
    }
  }

  static long pidFrom(Path file) {
    await(file + " to be written", () -> Files.isRegularFile(file) && size(file) > 0);
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  static boolean alive(long pid) {
    return ProcStat.read(pid).filter(ProcStat::isAlive).isPresent();
  }

  static int openFileDescriptors() {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the plugin's data calls; uploads succeed, are rejected or fail as configured. */
  static final class FakeData implements TaskData {
    final List<String> downloads = new CopyOnWriteArrayList<>();
    final List<Path> uploads = new CopyOnWriteArrayList<>();
    volatile Mono<UploadResult> uploadResult;
    volatile RuntimeException downloadError;

    @Override
    public Mono<Void> download(String inputsFile, Path directory) {
      return Mono.fromCallable(
              () -> {
                if (downloadError != null) {
                  throw downloadError;
                }
                downloads.add(inputsFile);
                Files.writeString(directory.resolve("x"), "42");
                return directory;
              })
          .then();
    }

    @Override
    public Mono<UploadResult> upload(
        TypedInterface iface, Path directory, String outputPrefix, String rawOutputPrefix) {
      uploads.add(directory);
      return uploadResult != null
          ? uploadResult
          : Mono.just(
              new UploadResult.Uploaded(outputPrefix + "/outputs.pb", new Outputs(List.of())));
    }

    void reject(String code, String message) {
      uploadResult =
          Mono.just(
              new UploadResult.Rejected(
                  new ExecutionError(code, message, ErrorKind.USER, null, Instant.now())));
    }
  }
}
