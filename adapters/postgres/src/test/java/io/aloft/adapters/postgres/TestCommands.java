package io.aloft.adapters.postgres;

import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Commands and the events they should produce, shared by the fixture and contract tests. */
public final class TestCommands {

  public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private static final TaskRef TASK =
      new TaskRef(TaskId.of("proj", "development", "t", "v1"), "python", "t", null);

  private TestCommands() {}

  /** A run no other test uses. */
  public static RunId newRun() {
    return RunId.of("proj", "development", "r" + suffix());
  }

  public static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static CreateAction create(ActionId id, ActionId parent) {
    return new CreateAction(
        id,
        parent,
        ActionType.TASK,
        TASK,
        "s3://b/in",
        "s3://b/out/",
        null,
        new byte[] {1},
        null,
        "cli",
        null,
        "tester",
        NOW);
  }

  /** The event {@link #create} yields on a new action. */
  public static ActionCreated created(CreateAction c) {
    return new ActionCreated(
        c.actionId(),
        c.parent(),
        c.type(),
        c.task(),
        c.inputUri(),
        c.runOutputBase(),
        c.group(),
        c.spec(),
        c.runSpec(),
        c.source(),
        c.triggerName(),
        c.createdBy(),
        c.requestedAt());
  }

  public static RecordActionEvent record(ActionId id, int attempt, ActionPhase phase, int version) {
    return new RecordActionEvent(
        id,
        new EventKey(attempt, phase, version),
        NOW.plusSeconds(10L * attempt + phase.number()),
        NOW.plusSeconds(10L * attempt + phase.number()),
        null,
        List.of(new TaskLog("stdout", "file:///log/" + attempt)),
        phase == ActionPhase.SUCCEEDED ? "s3://b/out/" + id.name() : null,
        CacheStatus.UNSPECIFIED,
        "local");
  }

  /** The event {@code c} yields when the action was in {@code previous} at {@code attempt}. */
  public static ActionEventRecorded recorded(
      RecordActionEvent c, ActionPhase previous, int previousAttempt) {
    return new ActionEventRecorded(
        c.actionId(),
        c.key(),
        c.updatedTime(),
        c.reportedTime(),
        c.error(),
        c.logs(),
        c.outputUri(),
        c.cacheStatus(),
        c.cluster(),
        previous,
        previousAttempt,
        c.reportUri());
  }
}
