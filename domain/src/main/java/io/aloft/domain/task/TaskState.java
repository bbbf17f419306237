package io.aloft.domain.task;

import io.aloft.domain.id.TaskId;
import io.aloft.domain.support.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A deployed task version. All components are non-null except {@code environment}; the spec bytes
 * are copied in and out.
 */
public record TaskState(
    TaskId id,
    String taskType,
    String shortName,
    String environment,
    String specDigest,
    byte[] spec,
    Instant deployedAt) {

  public TaskState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(specDigest, "specDigest");
    spec = Require.copy(Objects.requireNonNull(spec, "spec"));
    Objects.requireNonNull(deployedAt, "deployedAt");
  }

  @Override
  public byte[] spec() {
    return Require.copy(spec);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskState other
        && Arrays.equals(spec, other.spec)
        && scalars().equals(other.scalars());
  }

  @Override
  public int hashCode() {
    return 31 * scalars().hashCode() + Arrays.hashCode(spec);
  }

  private List<Object> scalars() {
    return Arrays.asList(id, taskType, shortName, environment, specDigest, deployedAt);
  }
}
