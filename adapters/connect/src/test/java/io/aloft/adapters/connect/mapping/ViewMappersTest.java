package io.aloft.adapters.connect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ProjectView;
import io.aloft.application.port.query.TaskView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.ProjectLifecycle;
import io.aloft.proto.project.v1.ProjectState;
import io.aloft.proto.task.v1.DescriptionEntity;
import io.aloft.proto.task.v1.TaskSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projects, tasks and audit events from the read model to proto. */
class ViewMappersTest {

  @Test
  void givenAProject_WhenMapped_ThenAllFieldsAndTheDefaultDomains() {
    var view =
        new ProjectView(
            new ProjectId("flytesnacks"),
            "Flyte Snacks",
            "examples",
            Map.of("team", "ml"),
            ProjectLifecycle.ARCHIVED,
            TestData.T0,
            TestData.T0);

    var project = ProjectMapper.toProto(view);

    assertThat(project.getId().getName()).isEqualTo("flytesnacks");
    assertThat(project.getName()).isEqualTo("Flyte Snacks");
    assertThat(project.getDescription()).isEqualTo("examples");
    assertThat(project.getLabelsMap()).containsExactly(Map.entry("team", "ml"));
    assertThat(project.getState()).isEqualTo(ProjectState.PROJECT_STATE_ARCHIVED);
    assertThat(Timestamps.fromProto(project.getCreatedAt(), "t")).isEqualTo(TestData.T0);
    assertThat(project.getDomainsList())
        .extracting(domain -> domain.getId())
        .containsExactly("development", "staging", "production");
  }

  @Test
  void givenATaskVersion_WhenMapped_ThenDetailsCarryTheParsedSpecAndMetadata() {
    TaskSpec spec =
        TestData.spec("python").toBuilder()
            .setDescription(DescriptionEntity.newBuilder().setShortDescription("trains"))
            .build();
    byte[] bytes = ProtoBytes.deterministic(spec);
    var view =
        new TaskView(
            TestData.TASK,
            "python",
            "train",
            "env",
            TaskSpecs.digest(bytes),
            bytes,
            "bob",
            TestData.T0);

    var details = TaskMapper.details(view);
    var summary = TaskMapper.summary(view);
    var version = TaskMapper.version(view);

    assertThat(details.getSpec()).isEqualTo(spec);
    assertThat(Ids.taskId(details.getTaskId(), "id")).isEqualTo(TestData.TASK);
    assertThat(details.getMetadata().getDeployedBy().getSubject()).isEqualTo("bob");
    assertThat(details.getMetadata().getShortName()).isEqualTo("train");
    assertThat(details.getMetadata().getEnvironmentName()).isEqualTo("env");
    assertThat(details.getMetadata().getShortDescription()).isEqualTo("trains");
    assertThat(summary.getMetadata()).isEqualTo(details.getMetadata());
    assertThat(version.getVersion()).isEqualTo("v1");
    assertThat(Timestamps.fromProto(version.getDeployedAt(), "t")).isEqualTo(TestData.T0);
  }

  @Test
  void givenAnExecutorReport_WhenMappedToARecord_ThenTheActionEventIsRebuilt() {
    var view =
        new ActionEventView(
            12L,
            TestData.T0,
            TestData.ROOT,
            "ActionEventRecorded",
            new EventKey(2, ActionPhase.RUNNING, 3),
            TestData.T0.minusSeconds(1),
            TestData.T0,
            null,
            List.of(new TaskLog("stdout", "https://l")),
            null,
            CacheStatus.MISS,
            "c1",
            null,
            null,
            0L);

    var record = EventRecords.toProto(view);

    assertThat(record.getPosition()).isEqualTo(12L);
    assertThat(record.getType()).isEqualTo("ActionEventRecorded");
    assertThat(record.getAttempt()).isEqualTo(2);
    assertThat(record.getPhase().name()).isEqualTo("ACTION_PHASE_RUNNING");
    assertThat(record.hasPayload()).isFalse();
    var event = record.getEvent();
    assertThat(event.getVersion()).isEqualTo(3);
    assertThat(event.getCluster()).isEqualTo("c1");
    assertThat(event.getLogInfo(0).getName()).isEqualTo("stdout");
    assertThat(Timestamps.fromProto(event.getUpdatedTime(), "t"))
        .isEqualTo(TestData.T0.minusSeconds(1));
  }

  @Test
  void givenAnAbortRequest_WhenMappedToARecord_ThenActorAndReasonInThePayload() {
    var view =
        new ActionEventView(
            13L,
            TestData.T0,
            TestData.ROOT,
            "ActionAbortRequested",
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            "alice",
            "stop",
            0L);

    var record = EventRecords.toProto(view);

    assertThat(record.hasEvent()).isFalse();
    assertThat(record.getPayload().getFieldsMap().get("actor").getStringValue()).isEqualTo("alice");
    assertThat(record.getPayload().getFieldsMap().get("reason").getStringValue()).isEqualTo("stop");
    assertThat(Timestamps.fromProto(record.getTimestamp(), "t")).isEqualTo(TestData.T0);
  }
}
