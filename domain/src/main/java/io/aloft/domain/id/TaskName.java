package io.aloft.domain.id;

import io.aloft.domain.support.Require;
import java.util.Objects;

/**
 * A task without its version: what ListVersions and "latest version" look-ups are keyed by.
 *
 * @param scope never null
 * @param name 1..255 characters of {@code [A-Za-z0-9_.-]}, e.g. {@code my.module.task}
 */
public record TaskName(ProjectDomain scope, String name) {

  static final int MAX = 255;

  public TaskName {
    Objects.requireNonNull(scope, "scope");
    Require.name(name, "task name", MAX, Dns.TASK_TOKEN, rule(MAX));
  }

  public static TaskName of(String project, String domain, String name) {
    return new TaskName(ProjectDomain.of(project, domain), name);
  }

  /** {@code project/domain/name}. */
  public String key() {
    return scope.key() + "/" + name;
  }

  /** This task at {@code version}. */
  public TaskId withVersion(String version) {
    return new TaskId(scope, name, version);
  }

  static String rule(int max) {
    return "use letters, digits, '_', '.' and '-', at most " + max + " characters";
  }

  @Override
  public String toString() {
    return key();
  }
}
