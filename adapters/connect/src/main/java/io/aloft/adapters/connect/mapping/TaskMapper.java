package io.aloft.adapters.connect.mapping;

import io.aloft.application.port.query.TaskView;
import io.aloft.proto.task.v1.DeploymentMetadata;
import io.aloft.proto.task.v1.ListVersionsResponse.TaskVersion;
import io.aloft.proto.task.v1.Task;
import io.aloft.proto.task.v1.TaskDetails;
import io.aloft.proto.task.v1.TaskSpec;

/** Deployed task versions from the read model to proto; the stored spec bytes are a TaskSpec. */
public final class TaskMapper {

  private TaskMapper() {}

  public static TaskDetails details(TaskView view) {
    TaskSpec spec = spec(view);
    return TaskDetails.newBuilder()
        .setTaskId(Ids.toProto(view.id()))
        .setMetadata(metadata(view, spec))
        .setSpec(spec)
        .build();
  }

  public static Task summary(TaskView view) {
    return Task.newBuilder()
        .setTaskId(Ids.toProto(view.id()))
        .setMetadata(metadata(view, spec(view)))
        .build();
  }

  public static TaskVersion version(TaskView view) {
    TaskVersion.Builder version = TaskVersion.newBuilder().setVersion(view.id().version());
    if (view.deployedAt() != null) {
      version.setDeployedAt(Timestamps.toProto(view.deployedAt()));
    }
    return version.build();
  }

  public static TaskSpec spec(TaskView view) {
    return ProtoBytes.parseStored(TaskSpec.parser(), view.spec(), "spec of task " + view.id());
  }

  private static DeploymentMetadata metadata(TaskView view, TaskSpec spec) {
    DeploymentMetadata.Builder metadata =
        DeploymentMetadata.newBuilder()
            .setShortName(view.shortName())
            .setShortDescription(spec.getDescription().getShortDescription());
    if (view.deployedBy() != null) {
      metadata.setDeployedBy(Identities.of(view.deployedBy()));
    }
    if (view.deployedAt() != null) {
      metadata.setDeployedAt(Timestamps.toProto(view.deployedAt()));
    }
    if (view.environment() != null) {
      metadata.setEnvironmentName(view.environment());
    }
    return metadata.build();
  }
}
