package io.aloft.adapters.connect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.proto.core.v1.LiteralType;
import io.aloft.proto.core.v1.SimpleType;
import io.aloft.proto.run.v1.Action;
import io.aloft.proto.run.v1.ActionMetadata;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.run.v1.RunSource;
import io.aloft.proto.run.v1.TraceAction;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionMapperTest {

  @Test
  void givenARunningRoot_WhenMapped_ThenIdMetadataAndStatus() {
    ActionView view = TestData.rootAction(ActionPhase.RUNNING);

    Action action = ActionMapper.run(view).getAction();

    assertThat(Ids.actionId(action.getId(), "id")).isEqualTo(TestData.ROOT);
    ActionMetadata metadata = action.getMetadata();
    assertThat(metadata.getParent()).isEmpty();
    assertThat(metadata.getActionType().name()).isEqualTo("ACTION_TYPE_TASK");
    assertThat(metadata.getSource()).isEqualTo(RunSource.RUN_SOURCE_CLI);
    assertThat(metadata.getExecutedBy().getSubject()).isEqualTo("alice");
    assertThat(metadata.getEnvironmentName()).isEqualTo("env");
    assertThat(metadata.getTask().getTaskType()).isEqualTo("python");
    assertThat(metadata.getTask().getShortName()).isEqualTo("train");
    assertThat(Ids.taskId(metadata.getTask().getId(), "id")).isEqualTo(TestData.TASK);
    assertThat(action.getStatus().getPhase().name()).isEqualTo("ACTION_PHASE_RUNNING");
    assertThat(Timestamps.fromProto(action.getStatus().getStartTime(), "t")).isEqualTo(TestData.T0);
    assertThat(action.getStatus().hasEndTime()).isFalse();
    assertThat(action.getStatus().hasDurationMs()).isFalse();
    assertThat(action.getStatus().getAttempts()).isEqualTo(1);
  }

  @Test
  void givenAFinishedAction_WhenMapped_ThenTimesDurationCacheAndCounts() {
    Instant started = TestData.T0.plusSeconds(2);
    Instant ended = TestData.T0.plusSeconds(12);
    ActionView view =
        finished(ActionPhase.SUCCEEDED, started, ended, Map.of(ActionPhase.SUCCEEDED, 3));

    var enriched = ActionMapper.enriched(view, true);

    var status = enriched.getAction().getStatus();
    assertThat(Timestamps.fromProto(status.getStartTime(), "t")).isEqualTo(started);
    assertThat(Timestamps.fromProto(status.getEndTime(), "t")).isEqualTo(ended);
    assertThat(status.getDurationMs()).isEqualTo(10_000L);
    assertThat(status.getCacheStatus().name()).isEqualTo("CACHE_STATUS_HIT");
    assertThat(status.getAttempts()).isEqualTo(2);
    assertThat(enriched.getMeetsFilter()).isTrue();
    assertThat(enriched.getChildrenPhaseCountsMap()).containsExactly(Map.entry(5, 3));
  }

  @Test
  void givenTraceAndConditionChildren_WhenMapped_ThenTheirNamesComeFromTheStoredSpec() {
    TraceAction trace = TraceAction.newBuilder().setName("fetch").build();
    ConditionAction condition =
        ConditionAction.newBuilder()
            .setName("approve")
            .setRunId("r1")
            .setType(LiteralType.newBuilder().setSimple(SimpleType.SIMPLE_TYPE_BOOLEAN))
            .build();

    ActionMetadata traced =
        ActionMapper.metadata(
            TestData.child("t1", ActionType.TRACE, null, ActionSpecs.encode(trace)));
    ActionMetadata waiting =
        ActionMapper.metadata(
            TestData.child("c1", ActionType.CONDITION, null, ActionSpecs.encode(condition)));

    assertThat(traced.getParent()).isEqualTo("a0");
    assertThat(traced.getGroup()).isEqualTo("group-1");
    assertThat(traced.getTrace().getName()).isEqualTo("fetch");
    assertThat(traced.getSource()).isEqualTo(RunSource.RUN_SOURCE_UNSPECIFIED);
    assertThat(waiting.getCondition().getName()).isEqualTo("approve");
    assertThat(waiting.getCondition().getRunId()).isEqualTo("r1");
    assertThat(waiting.getActionType().name()).isEqualTo("ACTION_TYPE_CONDITION");
  }

  @Test
  void givenStoredSources_WhenRead_ThenKnownNamesElseUnspecified() {
    assertThat(RunSources.fromStored("RUN_SOURCE_WEB")).isEqualTo(RunSource.RUN_SOURCE_WEB);
    assertThat(RunSources.fromStored("from-the-future"))
        .isEqualTo(RunSource.RUN_SOURCE_UNSPECIFIED);
    assertThat(RunSources.fromStored(null)).isEqualTo(RunSource.RUN_SOURCE_UNSPECIFIED);
    assertThat(RunSources.toStored(RunSource.RUN_SOURCE_UNSPECIFIED, 0, "source")).isNull();
    assertThat(RunSources.toStored(RunSource.RUN_SOURCE_SCHEDULE_TRIGGER, 3, "source"))
        .isEqualTo("RUN_SOURCE_SCHEDULE_TRIGGER");
  }

  static ActionView finished(
      ActionPhase phase, Instant started, Instant ended, Map<ActionPhase, Integer> counts) {
    ActionView root = TestData.rootAction(phase);
    return new ActionView(
        root.id(),
        null,
        root.type(),
        root.task(),
        null,
        root.inputUri(),
        root.runOutputBase(),
        root.spec(),
        root.runSpec(),
        root.source(),
        null,
        root.createdBy(),
        phase,
        2,
        CacheStatus.HIT,
        null,
        null,
        "s3://b/out/a0/outputs.pb",
        TestData.T0,
        started,
        ended,
        ended,
        ended.toEpochMilli() - started.toEpochMilli(),
        counts,
        42L,
        42L);
  }
}
