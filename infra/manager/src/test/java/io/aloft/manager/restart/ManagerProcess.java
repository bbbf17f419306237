package io.aloft.manager.restart;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One manager as its own JVM ({@code java -cp <the test's classpath> AloftManager}), so that it can
 * be killed for real: {@link #kill} sends SIGKILL, which gives the JVM no chance to run shutdown
 * hooks, flush a queue or stop its embedded PostgreSQL. Its output goes to a log file.
 */
final class ManagerProcess {

  static final String MAIN_CLASS = "io.aloft.manager.AloftManager";

  /** 128 + SIGKILL: how a JVM killed with {@code kill -9} exits. */
  static final int KILLED_BY_SIGKILL = 128 + 9;

  private final Process process;
  private final Path log;
  private final int port;

  private ManagerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts a manager on {@code home} serving {@code port}, its embedded PostgreSQL on {@code
   * databasePort}. The classpath is this JVM's without the test classes: the manager runs the
   * production wiring only (no test plugin is scanned in).
   */
  static ManagerProcess start(Path home, int port, int databasePort, Path log) {
    return start(home, port, databasePort, log, List.of());
  }

  /**
   * Like {@link #start(Path, int, int, Path)}, with more system properties ({@code -Dkey=value}).
   */
  static ManagerProcess start(
      Path home, int port, int databasePort, Path log, List<String> properties) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx1g");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Daxoniq.update-checker.disabled=true");
    command.add("-Daloft.home=" + home);
    command.add("-Dserver.port=" + port);
    command.add("-Daloft.database.embedded-port=" + databasePort);
    properties.forEach(property -> command.add("-D" + property));
    command.add("-cp");
    command.add(managerClasspath());
    command.add(MAIN_CLASS);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("ALOFT_HOME", home.toString());
    builder.environment().put("ALOFT_PORT", Integer.toString(port));
    try {
      return new ManagerProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  private static String managerClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** Polls {@code /healthz} until the API answers; fails early if the manager exits. */
  void awaitHealthy(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the manager exited with " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      sleep(Duration.ofMillis(200));
    }
    throw new AssertionError(
        "the manager did not answer /healthz in " + timeout + ":\n" + logTail());
  }

  /**
   * {@code kill -9}: {@link ProcessHandle#destroyForcibly()} is SIGKILL on Linux, which the exit
   * status (137) confirms. Nothing else is touched: the tasks and PostgreSQL it started live on.
   *
   * @return the exit status
   */
  int kill() {
    process.toHandle().destroyForcibly();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM, as a service manager stops it; waits for the clean shutdown. */
  int stop(Duration timeout) {
    process.destroy();
    int status = awaitExit(timeout);
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    return status;
  }

  private int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The last lines of the manager's log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
