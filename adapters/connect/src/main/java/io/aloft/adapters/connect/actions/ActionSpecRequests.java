package io.aloft.adapters.connect.actions;

import com.google.protobuf.Duration;
import io.aloft.adapters.connect.mapping.ActionSpecs;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.TaskSpecs;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.actions.v1.Action;
import io.aloft.proto.core.v1.LiteralType;
import io.aloft.proto.core.v1.SimpleType;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.run.v1.TaskAction;
import io.aloft.proto.run.v1.TraceAction;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks the task, trace or condition an enqueued action carries. */
final class ActionSpecRequests {

  /** The reference's limit on cache keys. */
  static final int CACHE_KEY_MAX = 256;

  /** Conditions wait for a value a person or system types in, so only simple types make sense. */
  static final Set<SimpleType> CONDITION_TYPES =
      Set.of(
          SimpleType.SIMPLE_TYPE_BOOLEAN,
          SimpleType.SIMPLE_TYPE_INTEGER,
          SimpleType.SIMPLE_TYPE_FLOAT,
          SimpleType.SIMPLE_TYPE_STRING);

  private ActionSpecRequests() {}

  /** What the action runs, with its stored spec bytes (see {@link ActionSpecs}). */
  record Spec(ActionType type, @Nullable TaskRef task, byte[] bytes) {}

  static Spec of(Action action, ActionId id) {
    return switch (action.getSpecCase()) {
      case TASK -> task(action.getTask(), id, "action.task");
      case TRACE -> trace(action.getTrace(), "action.trace");
      case CONDITION -> condition(action.getCondition(), "action.condition");
      case SPEC_NOT_SET -> throw Fields.missing("action.task, action.trace or action.condition");
    };
  }

  /** The task id is the action's own, else the spec's template id (scoped to the run). */
  static Spec task(TaskAction task, ActionId action, String path) {
    Fields.require(task.hasSpec(), path + ".spec");
    TaskId id =
        task.hasId()
            ? Ids.taskId(task.getId(), path + ".id")
            : TaskSpecs.inlineId(task.getSpec(), action.run().scope(), path + ".spec");
    TaskRef ref = TaskSpecs.ref(id, task.getSpec(), path + ".spec");
    if (task.hasCacheKey()) {
      Fields.maxLength(task.getCacheKey().getValue(), CACHE_KEY_MAX, path + ".cache_key");
    }
    Fields.maxLength(task.getCluster(), Fields.SHORT_TEXT_MAX, path + ".cluster");
    return new Spec(ActionType.TASK, ref, ActionSpecs.encode(task.getSpec()));
  }

  static Spec trace(TraceAction trace, String path) {
    Fields.required(trace.getName(), Fields.SHORT_TEXT_MAX, path + ".name");
    Fields.known(trace.getPhase(), trace.getPhaseValue(), path + ".phase");
    Timestamps.fromProtoIfSet(trace.hasStartTime(), trace.getStartTime(), path + ".start_time");
    Timestamps.fromProtoIfSet(trace.hasEndTime(), trace.getEndTime(), path + ".end_time");
    Fields.maxLength(
        trace.getOutputs().getOutputUri(), Fields.URI_MAX, path + ".outputs.output_uri");
    return new Spec(ActionType.TRACE, null, ActionSpecs.encode(trace));
  }

  static Spec condition(ConditionAction condition, String path) {
    Fields.required(condition.getName(), Fields.SHORT_TEXT_MAX, path + ".name");
    Fields.require(condition.hasType(), path + ".type");
    checkConditionType(condition.getType(), path + ".type");
    Fields.maxLength(condition.getRunId(), Fields.SHORT_TEXT_MAX, path + ".run_id");
    Fields.maxLength(condition.getActionId(), Fields.SHORT_TEXT_MAX, path + ".action_id");
    if (condition.hasTimeout()) {
      checkTimeout(condition.getTimeout(), path + ".timeout");
    }
    return new Spec(ActionType.CONDITION, null, ActionSpecs.encode(condition));
  }

  private static void checkConditionType(LiteralType type, String path) {
    if (type.getTypeCase() != LiteralType.TypeCase.SIMPLE
        || !CONDITION_TYPES.contains(type.getSimple())) {
      throw new InvalidArgument(path + " must be a simple BOOLEAN, INTEGER, FLOAT or STRING type");
    }
  }

  private static void checkTimeout(Duration timeout, String path) {
    if (timeout.getSeconds() < 0 || timeout.getNanos() < 0 || timeout.getNanos() > 999_999_999) {
      throw new InvalidArgument(
          path + " must be a non-negative duration (seconds " + timeout.getSeconds() + ")");
    }
  }
}
