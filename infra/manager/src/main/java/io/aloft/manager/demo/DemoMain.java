package io.aloft.manager.demo;

import io.aloft.application.port.storage.DataStore;
import io.aloft.manager.AloftManager;
import io.aloft.manager.config.AloftProperties;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./aloft demo}: starts an embedded manager in this JVM (on a free port, in a fresh
 * temporary home unless {@code ALOFT_HOME} is set), runs the samples of {@code examples/} through
 * the API, prints their action trees as they change and how each ended, and stops the manager.
 *
 * <p>Options: {@code --examples=DIR} (default: the nearest {@code examples/} from the working
 * directory up), {@code --timeout=SECONDS} for the runs (default 120), {@code --keep} to keep a
 * temporary home. Exit code 0 when every run ended as expected, 1 when one did not, 2 when the demo
 * could not run.
 */
public final class DemoMain {

  static final int OK = 0;
  static final int UNEXPECTED = 1;
  static final int CANNOT_RUN = 2;

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  private DemoMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.getenv("ALOFT_HOME")));
  }

  /** Options from the command line. */
  record Options(Path examples, Duration timeout, boolean keep) {

    static Options parse(String[] args) {
      Path examples = null;
      Duration timeout = DEFAULT_TIMEOUT;
      boolean keep = false;
      for (String arg : args) {
        if (arg.startsWith("--examples=")) {
          examples = Path.of(arg.substring("--examples=".length()));
        } else if (arg.startsWith("--timeout=")) {
          timeout = seconds(arg.substring("--timeout=".length()));
        } else if (arg.equals("--keep")) {
          keep = true;
        } else {
          throw new IllegalArgumentException(
              "unknown option "
                  + arg
                  + "; usage: ./aloft demo [--examples=DIR] [--timeout=SECONDS] [--keep]");
        }
      }
      if (examples == null) {
        examples =
            findExamples(Path.of("").toAbsolutePath())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no examples/ directory here or above; pass --examples=DIR"));
      }
      return new Options(examples.toAbsolutePath().normalize(), timeout, keep);
    }

    private static Duration seconds(String value) {
      try {
        long seconds = Long.parseLong(value);
        if (seconds > 0) {
          return Duration.ofSeconds(seconds);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "--timeout takes a number of seconds, not '" + value + "'");
    }

    private static Optional<Path> findExamples(Path from) {
      for (Path dir = from; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("examples").resolve("wordcount.json"))) {
          return Optional.of(dir.resolve("examples"));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Runs the demo and returns its exit code.
   *
   * @param aloftHome the {@code ALOFT_HOME} to use; null or blank for a fresh temporary one
   */
  static int run(String[] args, PrintStream out, String aloftHome) {
    long begin = System.nanoTime();
    Options options;
    List<Sample> samples;
    try {
      options = Options.parse(args);
      samples = SampleCatalogue.load(options.examples());
      requireOnPath("python3", "the fanout sample is a Python script");
    } catch (RuntimeException e) {
      out.println("aloft demo: " + e.getMessage());
      return CANNOT_RUN;
    }
    boolean fresh = aloftHome == null || aloftHome.isBlank();
    Path home = fresh ? temporaryHome() : Path.of(aloftHome).toAbsolutePath();
    out.println("Aloft demo: four sample tasks run by an embedded manager.");
    out.print("Starting the manager (PostgreSQL and S3 embedded, data in " + home + ")... ");
    out.flush();
    ConfigurableApplicationContext manager;
    try {
      manager = startManager(home);
    } catch (RuntimeException e) {
      out.println("failed: " + rootCause(e).getMessage());
      out.println("The manager's log: " + home.resolve("manager.log"));
      return CANNOT_RUN;
    }
    String url = "http://localhost:" + manager.getEnvironment().getProperty("local.server.port");
    out.printf("ready at %s in %.1f s%n%n", url, seconds(begin));

    boolean asExpected = false;
    try (Console console = new Console(out)) {
      Demo demo =
          new Demo(
              new ConnectClient(url),
              manager.getBean(DataStore.class),
              manager.getBean(AloftProperties.class).storage().bucket(),
              console,
              samples,
              randomSuffix(),
              options.timeout());
      asExpected = Boolean.TRUE.equals(demo.run(options.examples()).block());
    } catch (RuntimeException e) {
      out.println();
      out.println("The demo stopped: " + rootCause(e).getMessage());
    }

    out.print("Stopping the manager... ");
    out.flush();
    long stopping = System.nanoTime();
    manager.close();
    out.printf("stopped in %.1f s. The demo took %.1f s.%n", seconds(stopping), seconds(begin));
    if (fresh && asExpected && !options.keep()) {
      deleteRecursively(home);
    } else {
      out.println("Its data and log stay in " + home + " (manager.log, work/ for each attempt).");
    }
    return asExpected ? OK : UNEXPECTED;
  }

  /** The manager, embedded and on a free port; its log goes to a file, not to the terminal. */
  static ConfigurableApplicationContext startManager(Path home) {
    // Axon reports usage unless told not to (as AloftManager.main does).
    System.setProperty(
        "axoniq.update-checker.disabled",
        System.getProperty("axoniq.update-checker.disabled", "true"));
    SpringApplication application = new SpringApplication(AloftManager.class);
    return application.run(
        "--server.port=0",
        "--aloft.home=" + home,
        // Embedded servers and this manager's own executor, whatever the environment says.
        "--aloft.database.host=",
        "--aloft.storage.endpoint=",
        "--aloft.execution.endpoint=",
        "--aloft.execution.work-dir=" + home.resolve("work"),
        // Nothing is in flight when the demo stops its manager: no need to wait for quiet loops.
        "--spring.reactor.netty.shutdown-quiet-period=100ms",
        "--logging.file.name=" + home.resolve("manager.log"),
        "--logging.threshold.console=OFF",
        "--spring.main.log-startup-info=false");
  }

  private static void requireOnPath(String command, String why) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    boolean found =
        Stream.of(path.split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    if (!found) {
      throw new IllegalStateException(command + " is not on the PATH; " + why);
    }
  }

  private static Path temporaryHome() {
    try {
      return Files.createTempDirectory("aloft-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary ALOFT_HOME", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary directory is harmless.
    }
  }

  private static String randomSuffix() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return suffix.toString();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? e : cause;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
