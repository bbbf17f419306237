package io.aloft.adapters.connect.mapping;

import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.TaskRef;
import io.aloft.proto.run.v1.Action;
import io.aloft.proto.run.v1.ActionMetadata;
import io.aloft.proto.run.v1.ActionStatus;
import io.aloft.proto.run.v1.ActionType;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.run.v1.ConditionActionMetadata;
import io.aloft.proto.run.v1.EnrichedAction;
import io.aloft.proto.run.v1.Run;
import io.aloft.proto.run.v1.TaskActionMetadata;
import io.aloft.proto.run.v1.TraceAction;
import io.aloft.proto.run.v1.TraceActionMetadata;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Actions (and runs, which are root actions) from the read model to the lightweight protos. */
public final class ActionMapper {

  private static final String TYPE_PREFIX = "ACTION_TYPE_";

  private ActionMapper() {}

  public static Run run(ActionView view) {
    return Run.newBuilder().setAction(action(view)).build();
  }

  public static Action action(ActionView view) {
    return Action.newBuilder()
        .setId(Ids.toProto(view.id()))
        .setMetadata(metadata(view))
        .setStatus(status(view))
        .build();
  }

  /** For WatchActions: the action, whether it meets the filter, and its descendants by phase. */
  public static EnrichedAction enriched(ActionView view, boolean meetsFilter) {
    EnrichedAction.Builder enriched =
        EnrichedAction.newBuilder().setAction(action(view)).setMeetsFilter(meetsFilter);
    view.childrenPhaseCounts()
        .forEach((phase, count) -> enriched.putChildrenPhaseCounts(phase.number(), count));
    return enriched.build();
  }

  public static ActionMetadata metadata(ActionView view) {
    ActionMetadata.Builder metadata =
        ActionMetadata.newBuilder()
            .setActionType(ActionType.valueOf(TYPE_PREFIX + view.type().name()))
            .setSource(RunSources.fromStored(view.source()));
    if (view.parent() != null) {
      metadata.setParent(view.parent().name());
    }
    if (view.group() != null) {
      metadata.setGroup(view.group());
    }
    if (view.createdBy() != null) {
      metadata.setExecutedBy(Identities.of(view.createdBy()));
    }
    switch (view.type()) {
      case TASK -> task(metadata, view.task());
      case TRACE -> trace(metadata, ActionSpecs.trace(view));
      case CONDITION -> condition(metadata, ActionSpecs.condition(view));
    }
    return metadata.build();
  }

  public static ActionStatus status(ActionView view) {
    ActionStatus.Builder status =
        ActionStatus.newBuilder()
            .setPhase(Phases.toProto(view.phase()))
            .setAttempts(Math.max(view.attempts(), 1))
            .setCacheStatus(CacheStatuses.toProto(view.cacheStatus()));
    // Until the executor reports a start, the action counts as started when it was created.
    Instant start = view.startedAt() != null ? view.startedAt() : view.createdAt();
    if (start != null) {
      status.setStartTime(Timestamps.toProto(start));
    }
    if (view.endedAt() != null) {
      status.setEndTime(Timestamps.toProto(view.endedAt()));
    }
    if (view.durationMs() != null) {
      status.setDurationMs(view.durationMs());
    }
    return status.build();
  }

  private static void task(ActionMetadata.Builder metadata, @Nullable TaskRef task) {
    if (task == null) {
      return;
    }
    metadata.setTask(
        TaskActionMetadata.newBuilder()
            .setId(Ids.toProto(task.id()))
            .setTaskType(task.taskType())
            .setShortName(task.shortName()));
    if (task.environment() != null) {
      metadata.setEnvironmentName(task.environment());
    }
  }

  private static void trace(ActionMetadata.Builder metadata, @Nullable TraceAction trace) {
    if (trace != null) {
      metadata.setTrace(TraceActionMetadata.newBuilder().setName(trace.getName()));
    }
  }

  private static void condition(
      ActionMetadata.Builder metadata, @Nullable ConditionAction condition) {
    if (condition == null) {
      return;
    }
    ConditionActionMetadata.Builder meta =
        ConditionActionMetadata.newBuilder().setName(condition.getName());
    switch (condition.getScopeCase()) {
      case RUN_ID -> meta.setRunId(condition.getRunId());
      case ACTION_ID -> meta.setActionId(condition.getActionId());
      case GLOBAL -> meta.setGlobal(condition.getGlobal());
      case SCOPE_NOT_SET -> {}
    }
    metadata.setCondition(meta);
  }
}
