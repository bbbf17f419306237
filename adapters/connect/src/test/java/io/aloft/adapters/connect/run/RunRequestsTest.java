package io.aloft.adapters.connect.run;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static io.aloft.adapters.connect.Rejections.assertUnimplemented;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.aloft.adapters.connect.TestData;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.application.port.query.EventSelection;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.core.v1.AsOf;
import io.aloft.proto.core.v1.ProjectDomainIdentifier;
import io.aloft.proto.run.v1.ListActionEventsRequest;
import io.aloft.proto.run.v1.ListRunsRequest;
import io.aloft.proto.run.v1.WatchActionEventsRequest;
import io.aloft.proto.run.v1.WatchRunsRequest;
import org.junit.jupiter.api.Test;

/** Scopes of run lists and watches, as_of, and the event-log selections. */
class RunRequestsTest {

  private static final ProjectDomainIdentifier SCOPE =
      ProjectDomainIdentifier.newBuilder()
          .setProject("flytesnacks")
          .setDomain("development")
          .build();

  @Test
  void givenListRunsScopes_WhenChecked_ThenOnlyProjectIdIsSupported() {
    assertThat(RunRequests.listScope(ListRunsRequest.newBuilder().setProjectId(SCOPE).build()))
        .isEqualTo(ProjectDomain.of("flytesnacks", "development"));
    assertInvalid(
        () -> RunRequests.listScope(ListRunsRequest.getDefaultInstance()),
        "project_id is required");
    assertUnimplemented(
        () ->
            RunRequests.listScope(
                ListRunsRequest.newBuilder().setTaskId(TestData.taskId("v1")).build()),
        "listing runs by task_id is not supported yet; list by project_id");
  }

  @Test
  void givenWatchRunsByTask_WhenMatched_ThenOnlyRunsOfThatVersion() {
    var target =
        RunRequests.watchTarget(
            WatchRunsRequest.newBuilder().setTaskId(TestData.taskId("v1")).build());
    var otherTask =
        RunRequests.watchTarget(
            WatchRunsRequest.newBuilder().setTaskId(TestData.taskId("v2")).build());
    var project =
        RunRequests.watchTarget(WatchRunsRequest.newBuilder().setProjectId(SCOPE).build());

    var run = TestData.rootAction(ActionPhase.RUNNING);
    assertThat(target.scope()).isEqualTo(TestData.TASK.scope());
    assertThat(target.matches(run)).isTrue();
    assertThat(otherTask.matches(run)).isFalse();
    assertThat(project.task()).isNull();
    assertThat(project.matches(run)).isTrue();
    assertInvalid(
        () -> RunRequests.watchTarget(WatchRunsRequest.getDefaultInstance()),
        "project_id or task_id is required");
    assertThat(TaskId.of("flytesnacks", "development", "my.module.train", "v2"))
        .isEqualTo(otherTask.task());
  }

  @Test
  void givenAsOf_WhenChecked_ThenPositionOrTimeInclusive() {
    var position = RunRequests.asOf(AsOf.newBuilder().setPosition(7).build(), "as_of");
    assertThat(position).isEqualTo(new io.aloft.application.port.query.AsOf.Position(7));
    assertThat(position.includes(7, java.time.Instant.EPOCH)).isTrue();
    assertThat(position.includes(8, java.time.Instant.EPOCH)).isFalse();
    var time =
        RunRequests.asOf(
            AsOf.newBuilder().setTime(Timestamp.newBuilder().setSeconds(60)).build(), "as_of");
    assertThat(time.includes(99, java.time.Instant.ofEpochSecond(60))).isTrue();
    assertThat(time.includes(1, java.time.Instant.ofEpochSecond(61))).isFalse();
    assertInvalid(
        () -> RunRequests.asOf(AsOf.newBuilder().setPosition(-3).build(), "as_of"),
        "as_of.position must not be negative (got -3); use a position a details response or an"
            + " event reported");
    assertInvalid(
        () ->
            RunRequests.asOf(
                AsOf.newBuilder().setTime(Timestamp.newBuilder().setNanos(-1)).build(), "as_of"),
        "as_of.time is not a valid timestamp (seconds 0, nanos -1); use a time between years 1"
            + " and 9999");
  }

  @Test
  void givenAListOfRunEvents_WhenChecked_ThenTheTokenMovesTheStartForward() {
    var page =
        EventLogRequests.list(
            ListActionEventsRequest.newBuilder()
                .setRunId(TestData.runId("r1"))
                .setAfterPosition(5)
                .setToken("40")
                .setLimit(20)
                .build());

    assertThat(page.limit()).isEqualTo(20);
    assertThat(page.selection()).isEqualTo(EventSelection.ofRun(TestData.ROOT.run(), 40, null));
  }

  @Test
  void givenAWatchOfActionEventsFromATime_WhenChecked_ThenThatSelection() {
    var selection =
        EventLogRequests.watch(
            WatchActionEventsRequest.newBuilder()
                .setActionId(Ids.toProto(TestData.ROOT))
                .setFromTime(Timestamp.newBuilder().setSeconds(TestData.T0.getEpochSecond()))
                .build());

    assertThat(selection.action()).isEqualTo(TestData.ROOT);
    assertThat(selection.afterPosition()).isZero();
    assertThat(selection.fromTime()).isEqualTo(TestData.T0.minusNanos(TestData.T0.getNano()));
  }

  @Test
  void givenBadEventSelections_WhenChecked_ThenInvalidNamingTheField() {
    assertInvalid(
        () -> EventLogRequests.list(ListActionEventsRequest.getDefaultInstance()),
        "run_id or action_id is required");
    assertInvalid(
        () ->
            EventLogRequests.watch(
                WatchActionEventsRequest.newBuilder()
                    .setRunId(TestData.runId("r1"))
                    .setAfterPosition(-1)
                    .build()),
        "after_position must not be negative (got -1); 0 starts at the beginning");
    assertInvalid(
        () ->
            EventLogRequests.list(
                ListActionEventsRequest.newBuilder()
                    .setRunId(TestData.runId("r1"))
                    .setLimit(201)
                    .build()),
        "limit must be at most 200 (got 201)");
    assertInvalid(
        () ->
            EventLogRequests.list(
                ListActionEventsRequest.newBuilder()
                    .setRunId(TestData.runId("r1"))
                    .setToken("x")
                    .build()),
        "token: page token 'x' is malformed; pass back the token from the previous response");
  }
}
