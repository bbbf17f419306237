package io.aloft.adapters.connect.events;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.action.TaskLog;
import io.aloft.proto.core.v1.OutputReferences;
import io.aloft.proto.events.v1.ActionEvent;
import io.aloft.proto.events.v1.RecordRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionEventRequestsTest {

  private static final Instant NOW = TestData.T0.plusSeconds(60);

  private static final ActionEvent RUNNING =
      ActionEvent.newBuilder()
          .setId(TestData.actionId("r1", "a0"))
          .setAttempt(1)
          .setPhase(io.aloft.proto.core.v1.ActionPhase.ACTION_PHASE_RUNNING)
          .setVersion(2)
          .setUpdatedTime(Timestamps.toProto(TestData.T0))
          .setReportedTime(Timestamps.toProto(TestData.T0.plusSeconds(1)))
          .addLogInfo(
              io.aloft.proto.core.v1.TaskLog.newBuilder().setName("out").setUri("https://l"))
          .setOutputs(
              OutputReferences.newBuilder().setOutputUri("s3://o").setReportUri("s3://o/r.html"))
          .setCacheStatus(io.aloft.proto.core.v1.CacheStatus.CACHE_STATUS_MISS)
          .setCluster("c1")
          .setErrorInfo(
              io.aloft.proto.core.v1.ExecutionError.newBuilder()
                  .setCode("E")
                  .setKind(io.aloft.proto.core.v1.ErrorKind.ERROR_KIND_SYSTEM))
          .build();

  @Test
  void givenAFullReport_WhenMapped_ThenEveryStoredFieldIsCarried() {
    List<RecordActionEvent> commands = ActionEventRequests.toCommands(record(RUNNING), NOW);

    assertThat(commands)
        .containsExactly(
            new RecordActionEvent(
                TestData.ROOT,
                new EventKey(1, ActionPhase.RUNNING, 2),
                TestData.T0,
                TestData.T0.plusSeconds(1),
                new ExecutionError("E", "", ErrorKind.SYSTEM, null, null),
                List.of(new TaskLog("out", "https://l")),
                "s3://o",
                CacheStatus.MISS,
                "c1",
                "s3://o/r.html"));
  }

  @Test
  void givenNoReport_WhenMapped_ThenTheCommandHasNone() {
    ActionEvent noReport =
        RUNNING.toBuilder()
            .setOutputs(OutputReferences.newBuilder().setOutputUri("s3://o"))
            .build();

    assertThat(ActionEventRequests.toCommands(record(noReport), NOW).getFirst().reportUri())
        .isNull();
  }

  @Test
  void givenNoUpdatedTime_WhenMapped_ThenTheReportedTimeElseTheReceiptTime() {
    ActionEvent noUpdated = RUNNING.toBuilder().clearUpdatedTime().build();
    ActionEvent noTimes = noUpdated.toBuilder().clearReportedTime().build();

    assertThat(ActionEventRequests.toCommands(record(noUpdated), NOW).getFirst().updatedTime())
        .isEqualTo(TestData.T0.plusSeconds(1));
    assertThat(ActionEventRequests.toCommands(record(noTimes), NOW).getFirst().updatedTime())
        .isEqualTo(NOW);
  }

  @Test
  void givenBadBatches_WhenMapped_ThenEachRuleHasItsMessage() {
    assertInvalid(
        () -> ActionEventRequests.toCommands(RecordRequest.getDefaultInstance(), NOW),
        "events must hold at least one event");
    assertInvalid(
        () ->
            ActionEventRequests.toCommands(
                record(RUNNING, RUNNING.toBuilder().setAttempt(0).build()), NOW),
        "events[1].attempt starts at 1");
    assertInvalid(
        () ->
            ActionEventRequests.toCommands(
                record(
                    RUNNING.toBuilder()
                        .setPhase(io.aloft.proto.core.v1.ActionPhase.ACTION_PHASE_UNSPECIFIED)
                        .build()),
                NOW),
        "events[0].phase must be one of QUEUED, WAITING_FOR_RESOURCES, INITIALIZING, RUNNING,"
            + " SUCCEEDED, FAILED, ABORTED, TIMED_OUT, PAUSED, RECOVERED (by name or number);"
            + " got 0");
    assertInvalid(
        () -> ActionEventRequests.toCommands(record(RUNNING.toBuilder().clearId().build()), NOW),
        "events[0].id is required");
    assertInvalid(
        () ->
            ActionEventRequests.toCommands(record(RUNNING.toBuilder().setVersion(-1).build()), NOW),
        "events[0].version must be at most 2147483647 (got 4294967295)");
  }

  @Test
  void givenBadNestedFields_WhenMapped_ThenTheirPathsAreNamed() {
    assertInvalid(
        () ->
            ActionEventRequests.toCommands(
                record(RUNNING.toBuilder().setCacheStatusValue(42).build()), NOW),
        "events[0].cache_status has the unknown value 42");
    assertInvalid(
        () ->
            ActionEventRequests.toCommands(
                record(
                    RUNNING.toBuilder()
                        .addLogInfo(io.aloft.proto.core.v1.TaskLog.newBuilder().setName("x"))
                        .build()),
                NOW),
        "events[0].log_info[1].uri is required");
    assertInvalid(
        () ->
            ActionEventRequests.toCommands(
                record(RUNNING.toBuilder().setCluster("c".repeat(256)).build()), NOW),
        "events[0].cluster is too long (256 characters); use at most 255");
  }

  private static RecordRequest record(ActionEvent... events) {
    return RecordRequest.newBuilder().addAllEvents(List.of(events)).build();
  }
}
