package io.aloft.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.adapters.postgres.notify.InProcessChangeFeed;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.EventSelection;
import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.query.TaskQueries;
import io.aloft.domain.action.AbortAction;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.project.CreateProject;
import io.aloft.domain.task.DeployTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The adapter end to end: commands into the event store, projections out to R2DBC reads. */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresAdapterTest {

  @Autowired CommandPort commands;
  @Autowired ActionQueries actions;
  @Autowired ProjectQueries projects;
  @Autowired TaskQueries tasks;
  @Autowired InProcessChangeFeed feed;

  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void givenNewProject_WhenCreated_ThenReadableAtOnceAndDuplicateRefused() {
    ProjectId id = new ProjectId("p" + suffix());
    commands.send(new CreateProject(id, "Demo", "a project", Map.of("team", "ml"), now)).block();

    assertThat(projects.find(id).block().labels()).containsEntry("team", "ml");
    assertThatThrownBy(
            () -> commands.send(new CreateProject(id, "Again", "", Map.of(), now)).block())
        .isInstanceOf(AlreadyExists.class);
  }

  @Test
  void givenDeployedTask_WhenSameSpecAgain_ThenNoOp_AndDifferentSpecRefused() {
    TaskId id = TaskId.of("p" + suffix(), "development", "my.task", "v1");
    DeployTask deploy =
        new DeployTask(id, "python", "task", null, new byte[] {1, 2}, "d1", null, now);
    commands.send(deploy).block();
    commands.send(deploy).block();

    assertThat(tasks.find(id).block().specDigest()).isEqualTo("d1");
    assertThatThrownBy(
            () ->
                commands
                    .send(
                        new DeployTask(id, "python", "task", null, new byte[] {3}, "d2", null, now))
                    .block())
        .isInstanceOf(AlreadyExists.class);
  }

  @Test
  void givenRunWithChild_WhenPhasesRecorded_ThenRowsCountsAndHistoryFollow() {
    List<ChangeBatch> batches = new CopyOnWriteArrayList<>();
    var subscription = feed.changes().subscribe(batches::add);
    RunId run = RunId.of("proj", "development", "r" + suffix());
    ActionId root = ActionId.root(run);
    ActionId child = new ActionId(run, "c1");
    commands.send(create(root, null)).block();
    commands.send(record(root, 1, ActionPhase.RUNNING, 0)).block();
    commands.send(create(child, root)).block();
    commands.send(record(child, 1, ActionPhase.RUNNING, 0)).block();
    commands.send(record(child, 1, ActionPhase.SUCCEEDED, 0)).block();

    ActionView parent =
        Eventually.await(
            actions.find(root),
            row -> row.childrenPhaseCounts().containsKey(ActionPhase.SUCCEEDED));
    assertThat(parent.phase()).isEqualTo(ActionPhase.RUNNING);
    assertThat(parent.childrenPhaseCounts()).isEqualTo(Map.of(ActionPhase.SUCCEEDED, 1));
    assertThat(actions.find(child).block().endedAt()).isNotNull();
    assertThat(batches).anySatisfy(b -> assertThat(b.actions()).contains(child, root));
    subscription.dispose();
  }

  @Test
  void givenRecordedEvent_WhenResentOrStale_ThenIgnoredIdempotently() {
    RunId run = RunId.of("proj", "development", "r" + suffix());
    ActionId root = ActionId.root(run);
    commands.send(create(root, null)).block();
    commands.send(record(root, 1, ActionPhase.RUNNING, 0)).block();
    commands.send(record(root, 1, ActionPhase.RUNNING, 0)).block();
    commands.send(record(root, 1, ActionPhase.INITIALIZING, 0)).block();
    commands.send(record(root, 1, ActionPhase.SUCCEEDED, 0)).block();
    commands.send(record(root, 1, ActionPhase.FAILED, 0)).block();

    Eventually.await(actions.find(root), row -> row.phase() == ActionPhase.SUCCEEDED);
    List<ActionEventView> history =
        actions.events(EventSelection.ofRun(run, 0, null), 100).collectList().block();
    assertThat(history)
        .extracting(ActionEventView::type)
        .containsExactly("ActionCreated", "ActionEventRecorded", "ActionEventRecorded");
    assertThat(history).extracting(ActionEventView::position).isSorted();
  }

  @Test
  void givenAReportedReport_WhenProjected_ThenTheHistoryCarriesItAndOtherEventsHaveNone() {
    RunId run = RunId.of("proj", "development", "r" + suffix());
    ActionId root = ActionId.root(run);
    commands.send(create(root, null)).block();
    commands
        .send(
            new RecordActionEvent(
                root,
                new EventKey(1, ActionPhase.RUNNING, 0),
                now,
                now,
                null,
                List.of(),
                null,
                CacheStatus.UNSPECIFIED,
                null,
                "s3://b/out/a0/1/report.html"))
        .block();
    commands.send(record(root, 1, ActionPhase.SUCCEEDED, 0)).block();

    Eventually.await(actions.find(root), row -> row.phase() == ActionPhase.SUCCEEDED);
    List<ActionEventView> history =
        actions.events(EventSelection.ofRun(run, 0, null), 100).collectList().block();
    assertThat(history)
        .extracting(ActionEventView::reportUri)
        .containsExactly(null, "s3://b/out/a0/1/report.html", null);
  }

  @Test
  void givenFailedAttempt_WhenRetried_ThenQueuedWithNextAttemptAndErrorCleared() {
    RunId run = RunId.of("proj", "development", "r" + suffix());
    ActionId root = ActionId.root(run);
    commands.send(create(root, null)).block();
    ExecutionError oom =
        new ExecutionError("OOMKilled", "out of memory", ErrorKind.USER, null, now);
    commands
        .send(
            new RecordActionEvent(
                root,
                new EventKey(1, ActionPhase.FAILED, 0),
                now,
                now,
                oom,
                List.of(),
                null,
                CacheStatus.UNSPECIFIED,
                null))
        .block();
    Eventually.await(actions.find(root), row -> row.phase() == ActionPhase.FAILED);
    commands.send(record(root, 2, ActionPhase.QUEUED, 0)).block();

    ActionView row = Eventually.await(actions.find(root), r -> r.attempts() == 2);
    assertThat(row.phase()).isEqualTo(ActionPhase.QUEUED);
    assertThat(row.error()).isNull();
    assertThat(row.endedAt()).isNull();
  }

  @Test
  void givenBatchWithAnUnknownAction_WhenSentTogether_ThenNothingIsApplied() {
    RunId run = RunId.of("proj", "development", "r" + suffix());
    ActionId root = ActionId.root(run);
    commands.send(create(root, null)).block();
    ActionId ghost = new ActionId(run, "ghost");
    assertThatThrownBy(
            () ->
                commands
                    .sendAll(
                        List.of(
                            record(root, 1, ActionPhase.RUNNING, 0),
                            record(ghost, 1, ActionPhase.RUNNING, 0)))
                    .block())
        .isInstanceOf(NotFound.class);

    commands
        .sendAll(
            List.of(
                record(root, 1, ActionPhase.RUNNING, 0),
                record(root, 1, ActionPhase.RUNNING, 1),
                record(root, 1, ActionPhase.SUCCEEDED, 0)))
        .block();
    Eventually.await(actions.find(root), row -> row.phase() == ActionPhase.SUCCEEDED);
    List<ActionEventView> history =
        actions.events(EventSelection.ofRun(run, 0, null), 100).collectList().block();
    assertThat(history).hasSize(4);
    assertThat(history.get(1).key().version()).isZero();
    assertThat(history.get(2).key().version()).isEqualTo(1);
  }

  @Test
  void givenUnknownAction_WhenEventRecorded_ThenNotFound() {
    ActionId ghost = ActionId.root(RunId.of("proj", "development", "r" + suffix()));
    assertThatThrownBy(() -> commands.send(record(ghost, 1, ActionPhase.RUNNING, 0)).block())
        .isInstanceOf(NotFound.class);
  }

  @Test
  void givenRunningRun_WhenAborted_ThenAbortedWithReasonAndListedByPhase() {
    RunId run = RunId.of("proj", "development", "r" + suffix());
    ActionId root = ActionId.root(run);
    commands.send(create(root, null)).block();
    commands.send(new AbortAction(root, "stop it", "alice", now)).block();

    ActionView row = Eventually.await(actions.find(root), r -> r.phase() == ActionPhase.ABORTED);
    assertThat(row.abortReason()).isEqualTo("stop it");
    List<ActionView> aborted =
        actions
            .listRuns(
                run.scope(),
                new ActionFilter(java.util.Set.of(ActionPhase.ABORTED), run.name()),
                10,
                0)
            .collectList()
            .block();
    assertThat(aborted).extracting(ActionView::id).containsExactly(root);
  }

  private CreateAction create(ActionId id, ActionId parent) {
    TaskRef task = new TaskRef(TaskId.of("proj", "development", "t", "v1"), "python", "t", null);
    return new CreateAction(
        id,
        parent,
        ActionType.TASK,
        task,
        "s3://b/in",
        "s3://b/out/",
        null,
        null,
        null,
        null,
        null,
        "tester",
        now);
  }

  private RecordActionEvent record(ActionId id, int attempt, ActionPhase phase, int version) {
    return new RecordActionEvent(
        id,
        new EventKey(attempt, phase, version),
        now.plusSeconds(phase.number()),
        now,
        null,
        List.of(new TaskLog("stdout", "file:///log")),
        phase == ActionPhase.SUCCEEDED ? "s3://b/out/a0/1" : null,
        CacheStatus.UNSPECIFIED,
        "local");
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
