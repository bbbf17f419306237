package io.aloft.application.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.query.StoredActionEvent;
import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEvent;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fold of a run's stored events into one action's details. */
class RunReplayTest {

  private static final RunId RUN = RunId.of("p", "d", "r1");
  private static final ActionId ROOT = ActionId.root(RUN);
  private static final ActionId CHILD = new ActionId(RUN, "c1");
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void givenRunWithChild_WhenReplayed_ThenStateCountsTimesAndPositionAsTheProjection() {
    RunReplay replay = replay(ROOT, history());

    var details = replay.details().orElseThrow();
    var run = details.action();
    assertThat(run.phase()).isEqualTo(ActionPhase.RUNNING);
    assertThat(run.childrenPhaseCounts()).isEqualTo(Map.of(ActionPhase.SUCCEEDED, 1));
    assertThat(run.startedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(run.endedAt()).isNull();
    assertThat(run.position()).as("moved by the child's last phase change").isEqualTo(5);
    assertThat(details.attempts()).hasSize(1);
  }

  @Test
  void givenChildSucceeded_WhenReplayed_ThenDurationInRoundedMillisAndOutputKept() {
    var child = replay(CHILD, history()).details().orElseThrow().action();
    assertThat(child.phase()).isEqualTo(ActionPhase.SUCCEEDED);
    assertThat(child.durationMs()).as("2.0015 s rounds half up").isEqualTo(2002);
    assertThat(child.outputUri()).isEqualTo("s3://b/out/c1");
    assertThat(child.updatedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:04.001500Z"));
  }

  @Test
  void givenAbort_WhenReplayed_ThenAbortedWithReasonFromTheAggregatesEvolve() {
    var events = new java.util.ArrayList<>(history());
    events.add(
        stored(
            6,
            new ActionAbortRequested(
                ROOT, "stop", "alice", T0.plusSeconds(9), ActionPhase.RUNNING, 1)));
    var run = replay(ROOT, events).details().orElseThrow().action();
    assertThat(run.phase()).isEqualTo(ActionPhase.ABORTED);
    assertThat(run.abortReason()).isEqualTo("stop");
    assertThat(run.durationMs()).isEqualTo(8000);
  }

  @Test
  void givenTargetWithoutEvents_WhenReplayed_ThenNothing() {
    assertThat(replay(CHILD, history().subList(0, 2)).details()).isEmpty();
  }

  private static RunReplay replay(ActionId target, List<StoredActionEvent> events) {
    RunReplay replay = new RunReplay(target);
    events.forEach(replay::apply);
    return replay;
  }

  private static List<StoredActionEvent> history() {
    return List.of(
        stored(1, created(ROOT, null, T0)),
        stored(2, recorded(ROOT, ActionPhase.RUNNING, T0.plusSeconds(1), ActionPhase.QUEUED)),
        stored(3, created(CHILD, ROOT, T0.plusSeconds(1))),
        stored(4, recorded(CHILD, ActionPhase.RUNNING, T0.plusSeconds(2), ActionPhase.QUEUED)),
        stored(
            5,
            recorded(
                CHILD,
                ActionPhase.SUCCEEDED,
                T0.plusSeconds(4).plusNanos(1_500_400),
                ActionPhase.RUNNING)));
  }

  private static StoredActionEvent stored(long position, ActionEvent event) {
    return new StoredActionEvent(position, T0.plusSeconds(position), event);
  }

  private static ActionCreated created(ActionId id, ActionId parent, Instant at) {
    return new ActionCreated(
        id,
        parent,
        ActionType.TRACE,
        null,
        "s3://b/in",
        "s3://b/out/",
        null,
        null,
        null,
        "cli",
        null,
        "alice",
        at);
  }

  private static ActionEventRecorded recorded(
      ActionId id, ActionPhase phase, Instant at, ActionPhase previous) {
    return new ActionEventRecorded(
        id,
        new EventKey(1, phase, phase.number()),
        at,
        at,
        null,
        List.of(),
        phase == ActionPhase.SUCCEEDED ? "s3://b/out/" + id.name() : null,
        CacheStatus.UNSPECIFIED,
        null,
        previous,
        1);
  }
}
