package io.aloft.adapters.postgres.projection;

import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Maintains the {@code actions} and {@code action_events} read models. Runs inside the projection
 * processor's transaction (with its token). Each write is guarded by the sequence number of the
 * action's own stream, so replaying an event changes nothing, and events of different actions may
 * arrive in any order (concurrent transactions commit out of global order).
 */
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class ActionProjection {

  private final ProjectionBatch batch;

  public ActionProjection(ProjectionBatch batch) {
    this.batch = batch;
  }

  @EventHandler
  void on(
      ActionCreated event,
      @SequenceNumber long sequence,
      TrackingToken token,
      @Timestamp Instant recordedAt) {
    Params params =
        created(history(event.actionId(), sequence, token, recordedAt, "ActionCreated"), event)
            .text("actor", event.createdBy());
    apply(ActionSql.CREATED, params, -1, ActionPhase.QUEUED, token);
  }

  @EventHandler
  void on(
      ActionEventRecorded event,
      @SequenceNumber long sequence,
      TrackingToken token,
      @Timestamp Instant recordedAt) {
    Params params =
        recorded(
            history(event.actionId(), sequence, token, recordedAt, "ActionEventRecorded"), event);
    int from = event.previousPhase().number();
    apply(ActionSql.RECORDED, params, from, event.key().phase(), token);
  }

  @EventHandler
  void on(
      ActionAbortRequested event,
      @SequenceNumber long sequence,
      TrackingToken token,
      @Timestamp Instant recordedAt) {
    Params params =
        history(event.actionId(), sequence, token, recordedAt, "ActionAbortRequested")
            .text("actor", event.requestedBy())
            .text("reason", event.reason())
            .time("at", event.requestedAt())
            .integer("phase", ActionPhase.ABORTED.number());
    int from = event.previousPhase().number();
    apply(ActionSql.ABORTED, params, from, ActionPhase.ABORTED, token);
  }

  /** One statement per event, sent with the rest of the processor's batch. */
  private void apply(
      String statement, Params params, int fromPhase, ActionPhase to, TrackingToken t) {
    params.integer("fromPhase", fromPhase).integer("toPhase", to.number());
    batch.add(statement, params.source(), Positions.of(t));
  }

  private static Params history(
      ActionId id, long sequence, TrackingToken token, Instant recordedAt, String type) {
    return base(id, sequence, Positions.of(token), recordedAt, type);
  }

  private static Params base(
      ActionId id, long sequence, long position, Instant recordedAt, String type) {
    return Params.forAction(id, sequence, position)
        .text("eventType", type)
        .time("recordedAt", recordedAt)
        .integer("attempt", null)
        .integer("phase", null)
        .integer("version", null)
        .time("updatedTime", null)
        .time("reportedTime", null)
        .json("error", null)
        .json("logs", "[]")
        .text("outputUri", null)
        .text("reportUri", null)
        .text("cacheStatus", null)
        .text("cluster", null)
        .text("actor", null)
        .text("reason", null);
  }

  private static Params created(Params params, ActionCreated event) {
    TaskRef task = event.task();
    return params
        .text("parent", event.parent() == null ? null : event.parent().name())
        .text("type", event.type().name())
        .text("taskProject", task == null ? null : task.id().scope().project().name())
        .text("taskDomain", task == null ? null : task.id().scope().domain().name())
        .text("taskName", task == null ? null : task.id().name())
        .text("taskVersion", task == null ? null : task.id().version())
        .text("taskType", task == null ? null : task.taskType())
        .text("taskShortName", task == null ? null : task.shortName())
        .text("environment", task == null ? null : task.environment())
        .text("group", event.group())
        .text("inputUri", event.inputUri())
        .text("runOutputBase", event.runOutputBase())
        .bytes("spec", event.spec())
        .bytes("runSpec", event.runSpec())
        .text("source", event.source())
        .text("triggerName", event.triggerName())
        .text("createdBy", event.createdBy())
        .time("createdAt", event.createdAt());
  }

  private static Params recorded(Params params, ActionEventRecorded event) {
    return params
        .integer("attempt", event.key().attempt())
        .integer("phase", event.key().phase().number())
        .integer("version", event.key().version())
        .flag("terminal", event.key().phase().isTerminal())
        .text("cacheStatus", event.cacheStatus().name())
        .json("error", Json.error(event.error()))
        .json("logs", Json.logs(event.logs()))
        .text("outputUri", event.outputUri())
        .text("reportUri", event.reportUri())
        .text("cluster", event.cluster())
        .time("updatedTime", event.updatedTime())
        .time("reportedTime", event.reportedTime());
  }
}
