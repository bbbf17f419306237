package io.aloft.domain.action;

import static io.aloft.domain.action.ActionFixtures.CHILD;
import static io.aloft.domain.action.ActionFixtures.ROOT;
import static io.aloft.domain.action.ActionFixtures.T0;
import static io.aloft.domain.action.ActionFixtures.createRoot;
import static io.aloft.domain.action.ActionFixtures.fixture;
import static io.aloft.domain.action.ActionFixtures.recorded;
import static io.aloft.domain.action.ActionFixtures.report;
import static io.aloft.domain.action.ActionFixtures.rootCreated;
import static io.aloft.domain.action.ActionPhase.ABORTED;
import static io.aloft.domain.action.ActionPhase.FAILED;
import static io.aloft.domain.action.ActionPhase.QUEUED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.NotFound;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionTest {

  @Test
  void givenNoAction_WhenCreate_ThenCreatedQueuedAtAttemptOne() {
    var state = fixture().given().when(createRoot()).thenEvents(rootCreated());

    assertThat(state.phase()).isEqualTo(QUEUED);
    assertThat(state.attempt()).isEqualTo(1);
    assertThat(state.seen()).isEmpty();
    assertThat(state.parent()).isNull();
    assertThat(state.task()).isEqualTo(ActionFixtures.TASK);
    assertThat(state.createdAt()).isEqualTo(T0);
    assertThat(state.abortReason()).isNull();
  }

  @Test
  void givenCreated_WhenCreateAgain_ThenNoEvents() {
    fixture().given(rootCreated()).when(createRoot()).thenNoEvents();
  }

  @Test
  void givenNoAction_WhenRecordEvent_ThenNotFoundTellsWhatToDo() {
    fixture()
        .given()
        .when(report(1, RUNNING, 0))
        .thenThrows(NotFound.class)
        .hasMessage(
            "action flytesnacks/development/rabc/a0 does not exist; create the run or enqueue the"
                + " action first");
  }

  @Test
  void givenQueued_WhenAReportIsNamed_ThenTheRecordedEventCarriesIt() {
    RecordActionEvent withReport = withReport(report(1, RUNNING, 0), "s3://b/report.html");

    fixture()
        .given(rootCreated())
        .when(withReport)
        .thenEvents(withReport(recorded(1, RUNNING, 0, QUEUED, 1), "s3://b/report.html"));
  }

  private static RecordActionEvent withReport(RecordActionEvent c, String reportUri) {
    return new RecordActionEvent(
        c.actionId(),
        c.key(),
        c.updatedTime(),
        c.reportedTime(),
        c.error(),
        c.logs(),
        c.outputUri(),
        c.cacheStatus(),
        c.cluster(),
        reportUri);
  }

  private static ActionEventRecorded withReport(ActionEventRecorded e, String reportUri) {
    return new ActionEventRecorded(
        e.actionId(),
        e.key(),
        e.updatedTime(),
        e.reportedTime(),
        e.error(),
        e.logs(),
        e.outputUri(),
        e.cacheStatus(),
        e.cluster(),
        e.previousPhase(),
        e.previousAttempt(),
        reportUri);
  }

  @Test
  void givenQueued_WhenRunningReported_ThenRecordedWithPreviousPhase() {
    var state =
        fixture()
            .given(rootCreated())
            .when(report(1, RUNNING, 0))
            .thenEvents(recorded(1, RUNNING, 0, QUEUED, 1));

    assertThat(state.phase()).isEqualTo(RUNNING);
    assertThat(state.seen()).containsExactly(new EventKey(1, RUNNING, 0));
  }

  @Test
  void givenEventRecorded_WhenSameKeyAgain_ThenNoEvents() {
    fixture()
        .given(rootCreated(), recorded(1, RUNNING, 0, QUEUED, 1))
        .when(report(1, RUNNING, 0))
        .thenNoEvents();
  }

  @Test
  void givenRunning_WhenSamePhaseNewVersion_ThenRecorded() {
    fixture()
        .given(rootCreated(), recorded(1, RUNNING, 0, QUEUED, 1))
        .when(report(1, RUNNING, 1))
        .thenEvents(recorded(1, RUNNING, 1, RUNNING, 1));
  }

  @Test
  void givenRunning_WhenLateQueuedArrives_ThenIgnored() {
    fixture()
        .given(rootCreated(), recorded(1, RUNNING, 0, QUEUED, 1))
        .when(report(1, QUEUED, 1))
        .thenNoEvents();
  }

  @Test
  void givenSucceeded_WhenFailedArrives_ThenIgnored() {
    fixture()
        .given(rootCreated(), recorded(1, SUCCEEDED, 0, QUEUED, 1))
        .when(report(1, FAILED, 0))
        .thenNoEvents();
  }

  @Test
  void givenFailed_WhenRetryQueuedAtNextAttempt_ThenRecordedAndAttemptAdvances() {
    var state =
        fixture()
            .given(rootCreated(), recorded(1, FAILED, 0, QUEUED, 1))
            .when(report(2, QUEUED, 0))
            .thenEvents(recorded(2, QUEUED, 0, FAILED, 1));

    assertThat(state.phase()).isEqualTo(QUEUED);
    assertThat(state.attempt()).isEqualTo(2);
    assertThat(state.seen())
        .containsExactlyInAnyOrder(new EventKey(1, FAILED, 0), new EventKey(2, QUEUED, 0));
  }

  @Test
  void givenSecondAttempt_WhenFirstAttemptEventArrives_ThenIgnored() {
    fixture()
        .given(rootCreated(), recorded(2, QUEUED, 0, QUEUED, 1))
        .when(report(1, SUCCEEDED, 0))
        .thenNoEvents();
  }

  @Test
  void givenNoAction_WhenAbort_ThenNotFound() {
    fixture()
        .given()
        .when(new AbortAction(ROOT, "stop", null, T0))
        .thenThrows(NotFound.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void givenRunning_WhenAbortWithoutReason_ThenAbortedWithDefaultReason() {
    var state =
        fixture()
            .given(rootCreated(), recorded(1, RUNNING, 0, QUEUED, 1))
            .when(new AbortAction(ROOT, " ", "bob", T0))
            .thenEvents(
                new ActionAbortRequested(ROOT, "User requested abort", "bob", T0, RUNNING, 1));

    assertThat(state.phase()).isEqualTo(ABORTED);
    assertThat(state.abortReason()).isEqualTo("User requested abort");
  }

  @Test
  void givenSucceeded_WhenAbort_ThenNoEvents() {
    fixture()
        .given(rootCreated(), recorded(1, SUCCEEDED, 0, QUEUED, 1))
        .when(new AbortAction(ROOT, "stop", null, T0))
        .thenNoEvents();
  }

  @Test
  void givenAborted_WhenExecutorReportsAborted_ThenIgnored() {
    fixture()
        .given(rootCreated(), new ActionAbortRequested(ROOT, "stop", null, T0, QUEUED, 1))
        .when(report(1, ABORTED, 0))
        .thenNoEvents();
  }

  @Test
  void givenStateOfAnotherAction_WhenDecide_ThenProgrammingError() {
    var state = Action.evolve(null, rootCreated());
    var abortChild = new AbortAction(CHILD, null, null, T0);

    assertThatThrownBy(() -> Action.decide(abortChild, state))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNoState_WhenEvolveNonCreationEvent_ThenIllegalState() {
    assertThatThrownBy(() -> Action.evolve(null, recorded(1, RUNNING, 0, QUEUED, 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenState_WhenEvolveCreatedAgain_ThenIllegalState() {
    var state = Action.evolve(null, rootCreated());

    assertThatThrownBy(() -> Action.evolve(state, rootCreated()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenSeenSet_WhenStateBuilt_ThenCopiedAndUnmodifiable() {
    var seen = new java.util.HashSet<EventKey>();
    seen.add(new EventKey(1, RUNNING, 0));
    var state = new ActionState(ROOT, null, ActionType.TRACE, null, RUNNING, 1, seen, T0, null);
    seen.clear();

    assertThat(state.seen()).hasSize(1);
    assertThatThrownBy(() -> state.seen().add(new EventKey(1, SUCCEEDED, 0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Set.copyOf(state.seen())).isEqualTo(state.seen());
  }
}
