package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.testing.DecideFixture;
import java.time.Instant;
import java.util.List;

/** Shared values for the action tests. */
final class ActionFixtures {

  static final RunId RUN = RunId.of("flytesnacks", "development", "rabc");
  static final ActionId ROOT = ActionId.root(RUN);
  static final ActionId CHILD = new ActionId(RUN, "n1");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final TaskRef TASK =
      new TaskRef(
          TaskId.of("flytesnacks", "development", "wf.main", "v1"), "python", "main", "env");

  static DecideFixture<ActionCommand, ActionEvent, ActionState> fixture() {
    return DecideFixture.of(Action::decide, Action::evolve);
  }

  static CreateAction createRoot() {
    return new CreateAction(
        ROOT,
        null,
        ActionType.TASK,
        TASK,
        "s3://b/flytesnacks/development/rabc/inputs",
        "s3://b/flytesnacks/development/rabc/",
        null,
        new byte[] {1, 2},
        new byte[] {3},
        "cli",
        null,
        "alice",
        T0);
  }

  static ActionCreated rootCreated() {
    return ActionCreated.from(createRoot());
  }

  static RecordActionEvent report(int attempt, ActionPhase phase, int version) {
    return new RecordActionEvent(
        ROOT,
        new EventKey(attempt, phase, version),
        T0.plusSeconds(attempt * 100L + phase.number()),
        null,
        null,
        List.of(new TaskLog("pod", "https://logs/" + attempt)),
        null,
        CacheStatus.DISABLED,
        "c1");
  }

  static ActionEventRecorded recorded(
      int attempt, ActionPhase phase, int version, ActionPhase previous, int previousAttempt) {
    return recordedFrom(report(attempt, phase, version), previous, previousAttempt);
  }

  static ActionEventRecorded recordedFrom(
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
        previousAttempt);
  }

  private ActionFixtures() {}
}
