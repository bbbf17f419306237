package io.aloft.domain.id;

import io.aloft.domain.support.Require;
import java.util.Objects;

/**
 * One deployed version of a task; immutable once deployed.
 *
 * @param scope never null
 * @param name 1..255 characters of {@code [A-Za-z0-9_.-]} (python dotted names)
 * @param version 1..128 characters of {@code [A-Za-z0-9_.-]}
 */
public record TaskId(ProjectDomain scope, String name, String version) {

  static final int VERSION_MAX = 128;

  public TaskId {
    Objects.requireNonNull(scope, "scope");
    Require.name(name, "task name", TaskName.MAX, Dns.TASK_TOKEN, TaskName.rule(TaskName.MAX));
    Require.name(version, "task version", VERSION_MAX, Dns.TASK_TOKEN, TaskName.rule(VERSION_MAX));
  }

  public static TaskId of(String project, String domain, String name, String version) {
    return new TaskId(ProjectDomain.of(project, domain), name, version);
  }

  /** {@code project/domain/name/version}. */
  public String key() {
    return scope.key() + "/" + name + "/" + version;
  }

  /** The id without its version. */
  public TaskName taskName() {
    return new TaskName(scope, name);
  }

  @Override
  public String toString() {
    return key();
  }
}
