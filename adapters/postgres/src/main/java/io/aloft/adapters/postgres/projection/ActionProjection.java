package io.aloft.adapters.postgres.projection;

import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Maintains the {@code actions} and {@code action_events} read models. Runs inside the projection
 * processor's transaction (with its token). Each write is guarded by the sequence number of the
 * action's own stream, so replaying an event changes nothing, and events of different actions may
 * arrive in any order (concurrent transactions commit out of global order).
 */
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class ActionProjection {

  private final NamedParameterJdbcTemplate jdbc;
  private final ChangeCollector changes;

  public ActionProjection(NamedParameterJdbcTemplate jdbc, ChangeCollector changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  @EventHandler
  void on(
      ActionCreated event,
      @SequenceNumber long sequence,
      TrackingToken token,
      @Timestamp Instant recordedAt) {
    long position = Positions.of(token);
    Params params = Params.forAction(event.actionId(), sequence, position);
    boolean inserted = jdbc.update(ActionSql.INSERT_ACTION, created(params, event).source()) > 0;
    if (inserted) {
      insertEvent(
          base(event.actionId(), sequence, position, recordedAt, "ActionCreated")
              .text("actor", event.createdBy()));
      List<ActionId> touched =
          shiftAncestors(event.actionId(), params, -1, ActionPhase.QUEUED.number());
      touched.add(event.actionId());
      changes.changed(position, touched);
    }
  }

  @EventHandler
  void on(
      ActionEventRecorded event,
      @SequenceNumber long sequence,
      TrackingToken token,
      @Timestamp Instant recordedAt) {
    long position = Positions.of(token);
    Params params = Params.forAction(event.actionId(), sequence, position);
    boolean applied = jdbc.update(ActionSql.APPLY_EVENT, recorded(params, event).source()) > 0;
    if (applied) {
      insertEvent(
          recorded(
              base(event.actionId(), sequence, position, recordedAt, "ActionEventRecorded"),
              event));
      List<ActionId> touched =
          shiftAncestors(
              event.actionId(),
              params,
              event.previousPhase().number(),
              event.key().phase().number());
      touched.add(event.actionId());
      changes.changed(position, touched);
    }
  }

  @EventHandler
  void on(
      ActionAbortRequested event,
      @SequenceNumber long sequence,
      TrackingToken token,
      @Timestamp Instant recordedAt) {
    long position = Positions.of(token);
    Params params =
        Params.forAction(event.actionId(), sequence, position)
            .text("reason", event.reason())
            .time("at", event.requestedAt());
    if (jdbc.update(ActionSql.APPLY_ABORT, params.source()) > 0) {
      insertEvent(
          base(event.actionId(), sequence, position, recordedAt, "ActionAbortRequested")
              .text("actor", event.requestedBy())
              .text("reason", event.reason())
              .integer("phase", ActionPhase.ABORTED.number()));
      List<ActionId> touched =
          shiftAncestors(
              event.actionId(),
              params,
              event.previousPhase().number(),
              ActionPhase.ABORTED.number());
      touched.add(event.actionId());
      changes.changed(position, touched);
    }
  }

  /** Updates the descendant counts of every ancestor; returns the ancestors it changed. */
  private List<ActionId> shiftAncestors(ActionId id, Params params, int fromPhase, int toPhase) {
    List<ActionId> touched = new ArrayList<>();
    if (fromPhase == toPhase) {
      return touched;
    }
    params.integer("fromPhase", fromPhase).integer("toPhase", toPhase);
    for (String name :
        jdbc.queryForList(ActionSql.SHIFT_ANCESTOR_COUNTS, params.source(), String.class)) {
      touched.add(new ActionId(id.run(), name));
    }
    return touched;
  }

  private void insertEvent(Params params) {
    jdbc.update(ActionSql.INSERT_EVENT, params.source());
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
        .text("cluster", event.cluster())
        .time("updatedTime", event.updatedTime())
        .time("reportedTime", event.reportedTime());
  }
}
