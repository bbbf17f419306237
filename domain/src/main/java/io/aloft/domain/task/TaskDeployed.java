package io.aloft.domain.task;

import io.aloft.domain.id.TaskId;
import io.aloft.domain.support.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A task version was deployed. Nullability as in {@link DeployTask}; spec bytes are copied. */
public record TaskDeployed(
    TaskId id,
    String taskType,
    String shortName,
    String environment,
    byte[] spec,
    String specDigest,
    String deployedBy,
    Instant deployedAt)
    implements TaskEvent {

  public TaskDeployed {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(shortName, "shortName");
    spec = Require.copy(Objects.requireNonNull(spec, "spec"));
    Objects.requireNonNull(specDigest, "specDigest");
    Objects.requireNonNull(deployedAt, "deployedAt");
  }

  @Override
  public TaskId taskId() {
    return id;
  }

  @Override
  public byte[] spec() {
    return Require.copy(spec);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskDeployed other
        && Arrays.equals(spec, other.spec)
        && scalars().equals(other.scalars());
  }

  @Override
  public int hashCode() {
    return 31 * scalars().hashCode() + Arrays.hashCode(spec);
  }

  private List<Object> scalars() {
    return Arrays.asList(id, taskType, shortName, environment, specDigest, deployedBy, deployedAt);
  }
}
