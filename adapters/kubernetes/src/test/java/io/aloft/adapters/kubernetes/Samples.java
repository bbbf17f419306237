package io.aloft.adapters.kubernetes;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** TaskAction specs and statuses with every field set, or none that may be absent. */
final class Samples {

  static final Instant CREATED = Instant.parse("2026-11-21T10:00:00.123Z");

  private Samples() {}

  static TaskActionSpec fullSpec(ActionId id, ActionId parent) {
    return new TaskActionSpec(
        id,
        parent,
        ActionType.TASK,
        "s3://bucket/in",
        "s3://bucket/out/",
        "container",
        "my.task",
        Bytes.of(new byte[] {10, 3, 'a', 'b', 'c', 0, (byte) 0x80}),
        "cache-key",
        "group-a",
        Map.of("GREETING", "hello \"world\"", "EMPTY", ""),
        CREATED,
        "s3://raw/prefix");
  }

  static TaskActionSpec minimalSpec(ActionId id) {
    return new TaskActionSpec(
        id,
        null,
        ActionType.CONDITION,
        null,
        null,
        null,
        null,
        Bytes.EMPTY,
        null,
        null,
        Map.of(),
        CREATED);
  }

  static TaskActionStatus fullStatus() {
    return TaskActionStatus.queued(CREATED).toBuilder()
        .phase(ActionPhase.FAILED, ExecutionReason.RETRYABLE_FAILURE, "exit code 137")
        .attempts(3)
        .systemFailures(2)
        .finalizer(true)
        .pluginState(Bytes.of(new byte[] {1, 2, 3}))
        .eventVersion(Long.MAX_VALUE)
        .error(
            new ExecutionError(
                "OOMKilled", "out of memory", ErrorKind.USER, "s3://b/errors.pb", CREATED))
        .cacheStatus(CacheStatus.MISS)
        .attemptStartedAt(CREATED.plusMillis(250))
        .updatedAt(CREATED.plusSeconds(60))
        .signal(Bytes.of(new byte[] {0, (byte) 0xff}))
        .logs(List.of(new TaskLog("stdout", "file:///tmp/out.log")))
        .outputUri("s3://bucket/out/outputs.pb")
        .build();
  }
}
