package io.aloft.adapters.connect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.run.ActionDetails;
import io.aloft.application.run.AttemptView;
import io.aloft.application.run.AttemptView.PhaseTransition;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.proto.task.v1.Labels;
import io.aloft.proto.task.v1.RunSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionDetailsMapperTest {

  private static final ExecutionError OOM =
      new ExecutionError("OOMKilled", "out of memory", ErrorKind.USER, null, TestData.T0);

  @Test
  void givenAFailedActionWithAttempts_WhenMapped_ThenErrorSpecAndAttempts() {
    ActionView view = withOutcome(ActionPhase.FAILED, OOM, null, null);
    AttemptView attempt = attempt(ActionPhase.FAILED, OOM);

    var details = ActionDetailsMapper.details(new ActionDetails(view, List.of(attempt)));

    assertThat(details.getErrorInfo().getCode()).isEqualTo("OOMKilled");
    assertThat(details.hasAbortInfo()).isFalse();
    assertThat(details.getTask()).isEqualTo(TestData.spec("python"));
    assertThat(details.getAttemptsList()).hasSize(1);
    var proto = details.getAttempts(0);
    assertThat(proto.getAttempt()).isEqualTo(1);
    assertThat(proto.getPhase().name()).isEqualTo("ACTION_PHASE_FAILED");
    assertThat(proto.getErrorInfo().getMessage()).isEqualTo("out of memory");
    assertThat(proto.getLogInfo(0).getUri()).isEqualTo("https://logs/1");
    assertThat(proto.getCluster()).isEqualTo("c1");
    assertThat(proto.getCacheStatus().name()).isEqualTo("CACHE_STATUS_MISS");
    assertThat(proto.getOutputs().getOutputUri()).isEqualTo("s3://out");
    assertThat(Timestamps.fromProto(proto.getEndTime(), "t")).isEqualTo(TestData.T0.plusSeconds(9));
  }

  @Test
  void givenPhaseTransitions_WhenMapped_ThenEachEndsWhenTheNextStartsAndTerminalsEndAtOnce() {
    Instant t1 = TestData.T0.plusSeconds(1);
    Instant t2 = TestData.T0.plusSeconds(5);

    var transitions =
        ActionDetailsMapper.transitions(
            List.of(
                new PhaseTransition(ActionPhase.QUEUED, TestData.T0),
                new PhaseTransition(ActionPhase.RUNNING, t1),
                new PhaseTransition(ActionPhase.SUCCEEDED, t2)));
    var running =
        ActionDetailsMapper.transitions(List.of(new PhaseTransition(ActionPhase.RUNNING, t1)));

    assertThat(Timestamps.fromProto(transitions.get(0).getEndTime(), "t")).isEqualTo(t1);
    assertThat(Timestamps.fromProto(transitions.get(1).getEndTime(), "t")).isEqualTo(t2);
    assertThat(Timestamps.fromProto(transitions.get(2).getStartTime(), "t")).isEqualTo(t2);
    assertThat(Timestamps.fromProto(transitions.get(2).getEndTime(), "t")).isEqualTo(t2);
    assertThat(running.getFirst().hasEndTime()).isFalse();
  }

  @Test
  void givenAnAbortedAction_WhenMapped_ThenAbortInfoWithTheReasonOrTheDefault() {
    var withReason = withOutcome(ActionPhase.ABORTED, null, "stop it", null);
    var withoutReason = withOutcome(ActionPhase.ABORTED, null, null, null);

    var given = ActionDetailsMapper.details(new ActionDetails(withReason, List.of()));
    var defaulted = ActionDetailsMapper.details(new ActionDetails(withoutReason, List.of()));

    assertThat(given.getAbortInfo().getReason()).isEqualTo("stop it");
    assertThat(defaulted.getAbortInfo().getReason()).isEqualTo("User requested abort");
    assertThat(given.hasErrorInfo()).isFalse();
  }

  @Test
  void givenARunWithARunSpec_WhenMappedAsRunDetails_ThenTheRunSpecIsParsedBack() {
    RunSpec runSpec =
        RunSpec.newBuilder()
            .setLabels(Labels.newBuilder().putValues("team", "ml"))
            .setRunBaseDir("s3://base")
            .build();
    ActionView view =
        withOutcome(ActionPhase.RUNNING, null, null, ProtoBytes.deterministic(runSpec));

    var details = ActionDetailsMapper.runDetails(new ActionDetails(view, List.of()));

    assertThat(details.getRunSpec()).isEqualTo(runSpec);
    assertThat(details.getAction().getId().getName()).isEqualTo("a0");
    assertThat(details.getAction().hasErrorInfo()).isFalse();
    assertThat(details.getAction().hasAbortInfo()).isFalse();
  }

  private static AttemptView attempt(ActionPhase phase, ExecutionError error) {
    return new AttemptView(
        1,
        phase,
        TestData.T0,
        TestData.T0.plusSeconds(9),
        error,
        "s3://out",
        List.of(new TaskLog("stdout", "https://logs/1")),
        "c1",
        CacheStatus.MISS,
        List.of(new PhaseTransition(ActionPhase.QUEUED, TestData.T0)));
  }

  private static ActionView withOutcome(
      ActionPhase phase, ExecutionError error, String abortReason, byte[] runSpec) {
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
        runSpec,
        root.source(),
        null,
        root.createdBy(),
        phase,
        1,
        CacheStatus.UNSPECIFIED,
        error,
        abortReason,
        null,
        TestData.T0,
        null,
        TestData.T0,
        null,
        null,
        Map.of(),
        3L,
        3L);
  }
}
