package io.aloft.adapters.postgres.eventstore;

import static io.aloft.adapters.postgres.TestCommands.NOW;
import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.created;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.adapters.postgres.TestCommands.recorded;
import static io.aloft.domain.action.ActionPhase.ABORTED;
import static io.aloft.domain.action.ActionPhase.FAILED;
import static io.aloft.domain.action.ActionPhase.PAUSED;
import static io.aloft.domain.action.ActionPhase.QUEUED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static io.aloft.domain.action.ActionPhase.TIMED_OUT;

import io.aloft.domain.action.AbortAction;
import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Given/when/then for every write of the action aggregate, through Axon's fixture. */
class ActionAggregateTest {

  private final RunId run = RunId.of("proj", "development", "rfixture");
  private final ActionId root = ActionId.root(run);
  private final ActionId child = new ActionId(run, "c1");
  private final CreateAction createRoot = create(root, null);
  private final ActionCreated rootCreated = created(createRoot);

  private AggregateTestFixture<ActionAggregate> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ActionAggregate.class);
    fixture.registerCommandTargetResolver(new DomainCommandTargetResolver());
  }

  @Test
  void givenNoAction_WhenCreated_ThenActionCreated() {
    fixture.givenNoPriorActivity().when(createRoot).expectEvents(rootCreated);
  }

  @Test
  void givenNoChild_WhenParentEnqueuesIt_ThenChildCreatedWithParent() {
    CreateAction createChild = create(child, root);
    fixture.givenNoPriorActivity().when(createChild).expectEvents(created(createChild));
  }

  @Test
  void givenCreatedAction_WhenCreatedAgain_ThenNoEvents() {
    fixture.given(rootCreated).when(createRoot).expectSuccessfulHandlerExecution().expectNoEvents();
  }

  @Test
  void givenRunningActionCreatedAgain_WhenSucceeded_ThenPreviousPhaseIsStillRunning() {
    RecordActionEvent running = record(root, 1, RUNNING, 0);
    fixture
        .given(rootCreated, recorded(running, QUEUED, 1))
        .andGivenCommands(createRoot)
        .when(record(root, 1, SUCCEEDED, 0))
        .expectEvents(recorded(record(root, 1, SUCCEEDED, 0), RUNNING, 1));
  }

  @Test
  void givenNoAction_WhenEventRecorded_ThenNotFound() {
    fixture
        .givenNoPriorActivity()
        .when(record(root, 1, RUNNING, 0))
        .expectException(NotFound.class)
        .expectNoEvents();
  }

  @Test
  void givenNoAction_WhenAborted_ThenNotFound() {
    fixture
        .givenNoPriorActivity()
        .when(new AbortAction(root, "stop", "alice", NOW))
        .expectException(NotFound.class)
        .expectNoEvents();
  }

  @Test
  void givenQueuedAction_WhenRunningReported_ThenRecordedWithPreviousPhaseAndAttempt() {
    RecordActionEvent running = record(root, 1, RUNNING, 0);
    fixture.given(rootCreated).when(running).expectEvents(recorded(running, QUEUED, 1));
  }

  @ParameterizedTest
  @EnumSource(value = ActionPhase.class, names = "UNSPECIFIED", mode = EnumSource.Mode.EXCLUDE)
  void givenRecordedEvent_WhenSameAttemptPhaseAndVersionResent_ThenNoEvents(ActionPhase phase) {
    RecordActionEvent event = record(root, 1, phase, 3);
    fixture
        .given(rootCreated, recorded(event, QUEUED, 1))
        .when(event)
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void givenRunningVersionsZeroAndOne_WhenVersionZeroResent_ThenNoEvents() {
    RecordActionEvent v0 = record(root, 1, RUNNING, 0);
    RecordActionEvent v1 = record(root, 1, RUNNING, 1);
    fixture
        .given(rootCreated, recorded(v0, QUEUED, 1), recorded(v1, RUNNING, 1))
        .when(v0)
        .expectNoEvents();
  }

  @Test
  void givenRunning_WhenNewVersionOfSamePhase_ThenRecorded() {
    RecordActionEvent v0 = record(root, 1, RUNNING, 0);
    RecordActionEvent v1 = record(root, 1, RUNNING, 1);
    fixture
        .given(rootCreated, recorded(v0, QUEUED, 1))
        .when(v1)
        .expectEvents(recorded(v1, RUNNING, 1));
  }

  @Test
  void givenSucceeded_WhenFailedArrives_ThenNoEvents() {
    // The reference applies this (6 > 5 numerically); a succeeded action must stay succeeded.
    RecordActionEvent succeeded = record(root, 1, SUCCEEDED, 0);
    fixture
        .given(rootCreated, recorded(succeeded, QUEUED, 1))
        .when(record(root, 1, FAILED, 0))
        .expectNoEvents();
  }

  @Test
  void givenAbortedByExecutor_WhenTimedOutArrives_ThenNoEvents() {
    // The reference applies this (8 > 7 numerically); an aborted action must stay aborted.
    RecordActionEvent aborted = record(root, 1, ABORTED, 0);
    fixture
        .given(rootCreated, recorded(aborted, RUNNING, 1))
        .when(record(root, 1, TIMED_OUT, 0))
        .expectNoEvents();
  }

  @ParameterizedTest
  @EnumSource(
      value = ActionPhase.class,
      names = {"FAILED", "TIMED_OUT"})
  void givenFailedOrTimedOut_WhenNextAttemptQueued_ThenRetryRecordedWithAttemptPlusOne(
      ActionPhase failure) {
    RecordActionEvent failed = record(root, 1, failure, 0);
    RecordActionEvent retry = record(root, 2, QUEUED, 0);
    fixture
        .given(rootCreated, recorded(failed, RUNNING, 1))
        .when(retry)
        .expectEvents(recorded(retry, failure, 1));
  }

  @ParameterizedTest
  @EnumSource(
      value = ActionPhase.class,
      names = {"FAILED", "TIMED_OUT"})
  void givenFailedOrTimedOut_WhenNextAttemptStartsRunning_ThenNoEvents(ActionPhase failure) {
    fixture
        .given(rootCreated, recorded(record(root, 1, failure, 0), RUNNING, 1))
        .when(record(root, 2, RUNNING, 0))
        .expectNoEvents();
  }

  @Test
  void givenSecondAttemptRunning_WhenFirstAttemptSucceededArrivesLate_ThenNoEvents() {
    fixture
        .given(
            rootCreated,
            recorded(record(root, 1, FAILED, 0), RUNNING, 1),
            recorded(record(root, 2, QUEUED, 0), FAILED, 1),
            recorded(record(root, 2, RUNNING, 0), QUEUED, 2))
        .when(record(root, 1, SUCCEEDED, 0))
        .expectNoEvents();
  }

  @ParameterizedTest
  @EnumSource(
      value = ActionPhase.class,
      names = {"SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT", "RECOVERED"})
  void givenPausedCondition_WhenTerminalPhaseReported_ThenRecorded(ActionPhase terminal) {
    RecordActionEvent end = record(root, 1, terminal, 0);
    fixture
        .given(rootCreated, recorded(record(root, 1, PAUSED, 0), QUEUED, 1))
        .when(end)
        .expectEvents(recorded(end, PAUSED, 1));
  }

  @Test
  void givenRunningAction_WhenAborted_ThenAbortRequestedWithPreviousPhase() {
    fixture
        .given(rootCreated, recorded(record(root, 1, RUNNING, 0), QUEUED, 1))
        .when(new AbortAction(root, "stop it", "alice", NOW))
        .expectEvents(new ActionAbortRequested(root, "stop it", "alice", NOW, RUNNING, 1));
  }

  @Test
  void givenQueuedAction_WhenAbortedWithoutReason_ThenDefaultReason() {
    fixture
        .given(rootCreated)
        .when(new AbortAction(root, " ", null, NOW))
        .expectEvents(
            new ActionAbortRequested(
                root, AbortAction.DEFAULT_REASON, null, NOW, ActionPhase.QUEUED, 1));
  }

  @ParameterizedTest
  @EnumSource(
      value = ActionPhase.class,
      names = {"SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT", "RECOVERED"})
  void givenTerminalAction_WhenAborted_ThenNoEvents(ActionPhase terminal) {
    fixture
        .given(rootCreated, recorded(record(root, 1, terminal, 0), RUNNING, 1))
        .when(new AbortAction(root, "too late", "alice", NOW))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void givenAbortRequested_WhenAbortedAgain_ThenNoEvents() {
    fixture
        .given(rootCreated, new ActionAbortRequested(root, "first", "alice", NOW, QUEUED, 1))
        .when(new AbortAction(root, "second", "bob", NOW))
        .expectNoEvents();
  }

  @Test
  void givenAbortRequested_WhenExecutorReportsAborted_ThenNoEvents() {
    fixture
        .given(rootCreated, new ActionAbortRequested(root, "stop", "alice", NOW, RUNNING, 1))
        .when(record(root, 1, ABORTED, 0))
        .expectNoEvents();
  }

  @Test
  void givenAbortRequested_WhenExecutorReportsRetry_ThenNoEvents() {
    fixture
        .given(rootCreated, new ActionAbortRequested(root, "stop", "alice", NOW, RUNNING, 1))
        .when(record(root, 2, QUEUED, 0))
        .expectNoEvents();
  }
}
