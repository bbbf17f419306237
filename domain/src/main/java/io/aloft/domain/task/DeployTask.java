package io.aloft.domain.task;

import io.aloft.domain.id.TaskId;
import io.aloft.domain.support.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Deploy one version of a task. A version is immutable: redeploying the same spec is a no-op and a
 * different spec is refused. The spec bytes are copied in and out.
 *
 * @param id never null
 * @param taskType non-blank, at most 63 characters (e.g. {@code python})
 * @param shortName non-blank, at most 255 characters
 * @param environment nullable: the SDK's TaskEnvironment name
 * @param spec never null: the opaque serialized task spec
 * @param specDigest non-blank: a digest of {@code spec}, compared to detect a changed spec
 * @param deployedBy nullable: the principal
 * @param requestedAt never null
 */
public record DeployTask(
    TaskId id,
    String taskType,
    String shortName,
    String environment,
    byte[] spec,
    String specDigest,
    String deployedBy,
    Instant requestedAt)
    implements TaskCommand {

  public DeployTask {
    Objects.requireNonNull(id, "id");
    TaskFields.check(taskType, shortName, environment, specDigest);
    spec = Require.copy(Objects.requireNonNull(spec, "spec"));
    Objects.requireNonNull(requestedAt, "requestedAt");
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
    return o instanceof DeployTask other
        && Arrays.equals(spec, other.spec)
        && scalars().equals(other.scalars());
  }

  @Override
  public int hashCode() {
    return 31 * scalars().hashCode() + Arrays.hashCode(spec);
  }

  private List<Object> scalars() {
    return Arrays.asList(id, taskType, shortName, environment, specDigest, deployedBy, requestedAt);
  }
}
