package io.aloft.manager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test data and the test manager's home: a fresh ALOFT_HOME per test JVM. The home cannot be
 * deleted when the JVM exits (its embedded PostgreSQL stops in a shutdown hook of its own), so the
 * next test JVM removes the homes earlier ones left.
 */
final class ManagerTestSupport {

  private ManagerTestSupport() {}

  private static Path home;

  static synchronized void sharedHome(DynamicPropertyRegistry registry) {
    try {
      if (home == null) {
        StaleTestHomes.removeFrom(Path.of(System.getProperty("java.io.tmpdir")));
        home = Files.createTempDirectory(StaleTestHomes.PREFIX);
      }
      registry.add("aloft.home", home::toString);
      // Graceful shutdown would wait out streams a test left open; test JVMs just stop.
      registry.add("server.shutdown", () -> "immediate");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String project(String name) {
    return """
        {"project": {"id": {"name": "%s"}, "name": "Demo %s", "description": "for tests"}}
        """
        .formatted(name, name);
  }

  static String deployTask(String project, String name, String version) {
    return """
        {"taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "%s"},
         "spec": {"taskTemplate": {"type": "external",
                                   "container": {"image": "alpine", "args": ["echo", "hi"]}},
                  "shortName": "%s"}}
        """
        .formatted(project, name, version, name);
  }

  static String createRun(String project, String run, String task, String version) {
    return """
        {"runId": {"project": "%s", "domain": "development", "name": "%s"},
         "taskId": {"project": "%s", "domain": "development", "name": "%s", "version": "%s"}}
        """
        .formatted(project, run, project, task, version);
  }

  static String runId(String project, String run) {
    return """
        {"project": "%s", "domain": "development", "name": "%s"}"""
        .formatted(project, run);
  }

  static String event(String project, String run, String action, String phase, int version) {
    return """
        {"id": {"run": %s, "name": "%s"}, "attempt": 1, "phase": "%s", "version": %d,
         "updatedTime": "2026-11-21T10:00:00Z", "reportedTime": "2026-11-21T10:00:00Z"}"""
        .formatted(runId(project, run), action, phase, version);
  }
}
