package io.aloft.adapters.connect;

import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.core.v1.TaskIdentifier;
import io.aloft.proto.task.v1.TaskSpec;
import io.aloft.proto.task.v1.TaskTemplate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** Shared request and view fixtures for the binding tests. */
public final class TestData {

  public static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");
  public static final TaskId TASK =
      TaskId.of("flytesnacks", "development", "my.module.train", "v1");
  public static final ActionId ROOT = ActionId.of("flytesnacks", "development", "r1", "a0");

  private TestData() {}

  public static RunIdentifier runId(String name) {
    return RunIdentifier.newBuilder()
        .setProject("flytesnacks")
        .setDomain("development")
        .setName(name)
        .build();
  }

  public static ActionIdentifier actionId(String run, String name) {
    return ActionIdentifier.newBuilder().setRun(runId(run)).setName(name).build();
  }

  public static TaskIdentifier taskId(String version) {
    return TaskIdentifier.newBuilder()
        .setProject("flytesnacks")
        .setDomain("development")
        .setName("my.module.train")
        .setVersion(version)
        .build();
  }

  public static TaskSpec spec(String type) {
    return TaskSpec.newBuilder()
        .setTaskTemplate(TaskTemplate.newBuilder().setType(type).setId(taskId("v1")))
        .setShortName("train")
        .build();
  }

  public static CallContext context() {
    return CallContext.of(new HttpHeaders(), Optional.empty());
  }

  public static CallContext contextOf(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Aloft-User", user);
    return CallContext.of(headers, Optional.empty());
  }

  /** A running root task action with no optional parts, to be adjusted with {@link #with}. */
  public static ActionView rootAction(ActionPhase phase) {
    return new ActionView(
        ROOT,
        null,
        ActionType.TASK,
        new TaskRef(TASK, "python", "train", "env"),
        null,
        "s3://b/in",
        "s3://b/out/",
        spec("python").toByteArray(),
        null,
        "RUN_SOURCE_CLI",
        null,
        "alice",
        phase,
        1,
        CacheStatus.UNSPECIFIED,
        null,
        null,
        null,
        T0,
        null,
        T0,
        null,
        null,
        Map.of(),
        7L,
        7L);
  }

  /** A child of {@link #ROOT} of the given type and spec bytes. */
  public static ActionView child(String name, ActionType type, TaskRef task, byte[] spec) {
    ActionView root = rootAction(ActionPhase.RUNNING);
    return new ActionView(
        new ActionId(ROOT.run(), name),
        ROOT,
        type,
        task,
        "group-1",
        root.inputUri(),
        root.runOutputBase(),
        spec,
        null,
        null,
        null,
        null,
        ActionPhase.QUEUED,
        0,
        CacheStatus.UNSPECIFIED,
        null,
        null,
        null,
        T0,
        null,
        T0,
        null,
        null,
        Map.of(),
        9L,
        9L);
  }
}
