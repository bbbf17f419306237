package io.aloft.adapters.connect.mapping;

import io.aloft.application.port.query.ActionView;
import io.aloft.application.run.ActionDetails;
import io.aloft.application.run.AttemptView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.proto.core.v1.OutputReferences;
import io.aloft.proto.run.v1.AbortInfo;
import io.aloft.proto.run.v1.ActionAttempt;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.run.v1.PhaseTransition;
import io.aloft.proto.run.v1.RunDetails;
import io.aloft.proto.run.v1.TraceAction;
import io.aloft.proto.task.v1.RunSpec;
import io.aloft.proto.task.v1.TaskSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Action and run details (with attempts, outcome and resolved spec) from the read model. */
public final class ActionDetailsMapper {

  private ActionDetailsMapper() {}

  public static RunDetails runDetails(ActionDetails details) {
    RunDetails.Builder run = RunDetails.newBuilder().setAction(details(details));
    byte[] runSpec = details.action().runSpec();
    if (runSpec != null) {
      run.setRunSpec(ProtoBytes.parseStored(RunSpec.parser(), runSpec, "run spec"));
    }
    return run.build();
  }

  public static io.aloft.proto.run.v1.ActionDetails details(ActionDetails details) {
    ActionView view = details.action();
    var proto =
        io.aloft.proto.run.v1.ActionDetails.newBuilder()
            .setId(Ids.toProto(view.id()))
            .setMetadata(ActionMapper.metadata(view))
            .setStatus(ActionMapper.status(view));
    result(proto, view);
    spec(proto, view);
    details.attempts().forEach(attempt -> proto.addAttempts(attempt(attempt)));
    return proto.build();
  }

  /** Aborted actions explain the abort; otherwise the last error, if any, explains the failure. */
  private static void result(io.aloft.proto.run.v1.ActionDetails.Builder proto, ActionView view) {
    if (view.phase() == ActionPhase.ABORTED) {
      String reason = view.abortReason() == null ? AbortReasons.DEFAULT : view.abortReason();
      proto.setAbortInfo(AbortInfo.newBuilder().setReason(reason));
    } else if (view.error() != null) {
      proto.setErrorInfo(ExecutionErrors.toProto(view.error()));
    }
  }

  private static void spec(io.aloft.proto.run.v1.ActionDetails.Builder proto, ActionView view) {
    TaskSpec task = ActionSpecs.task(view);
    TraceAction trace = ActionSpecs.trace(view);
    ConditionAction condition = ActionSpecs.condition(view);
    if (task != null) {
      proto.setTask(task);
    } else if (trace != null) {
      proto.setTrace(trace.getSpec());
    } else if (condition != null) {
      proto.setCondition(condition);
    }
  }

  public static ActionAttempt attempt(AttemptView attempt) {
    ActionAttempt.Builder proto =
        ActionAttempt.newBuilder()
            .setAttempt(attempt.attempt())
            .setPhase(Phases.toProto(attempt.phase()))
            .setCacheStatus(CacheStatuses.toProto(attempt.cacheStatus()))
            .addAllPhaseTransitions(transitions(attempt.transitions()));
    if (attempt.startTime() != null) {
      proto.setStartTime(Timestamps.toProto(attempt.startTime()));
    }
    if (attempt.endTime() != null) {
      proto.setEndTime(Timestamps.toProto(attempt.endTime()));
    }
    if (attempt.error() != null) {
      proto.setErrorInfo(ExecutionErrors.toProto(attempt.error()));
    }
    if (attempt.outputUri() != null || attempt.reportUri() != null) {
      proto.setOutputs(outputs(attempt.outputUri(), attempt.reportUri()));
    }
    if (attempt.cluster() != null) {
      proto.setCluster(attempt.cluster());
    }
    attempt.logs().forEach(log -> proto.addLogInfo(TaskLogs.toProto(log)));
    return proto.build();
  }

  /**
   * A phase ends when the next one starts; a terminal phase ends when it starts; the current
   * non-terminal phase has no end yet.
   */
  static List<PhaseTransition> transitions(List<AttemptView.PhaseTransition> transitions) {
    List<PhaseTransition> protos = new ArrayList<>(transitions.size());
    for (int i = 0; i < transitions.size(); i++) {
      AttemptView.PhaseTransition current = transitions.get(i);
      Instant end =
          i + 1 < transitions.size()
              ? transitions.get(i + 1).at()
              : current.phase().isTerminal() ? current.at() : null;
      protos.add(transition(current, end));
    }
    return protos;
  }

  private static PhaseTransition transition(
      AttemptView.PhaseTransition transition, @Nullable Instant end) {
    PhaseTransition.Builder proto =
        PhaseTransition.newBuilder().setPhase(Phases.toProto(transition.phase()));
    if (transition.at() != null) {
      proto.setStartTime(Timestamps.toProto(transition.at()));
    }
    if (end != null) {
      proto.setEndTime(Timestamps.toProto(end));
    }
    return proto.build();
  }

  static OutputReferences outputs(String outputUri, String reportUri) {
    OutputReferences.Builder outputs = OutputReferences.newBuilder();
    if (outputUri != null) {
      outputs.setOutputUri(outputUri);
    }
    if (reportUri != null) {
      outputs.setReportUri(reportUri);
    }
    return outputs.build();
  }
}
