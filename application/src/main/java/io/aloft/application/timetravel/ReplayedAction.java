package io.aloft.application.timetravel;

import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.HistoryEntry;
import io.aloft.application.port.query.StoredActionEvent;
import io.aloft.domain.action.Action;
import io.aloft.domain.action.ActionAbortRequested;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionState;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One action rebuilt from its stored events. Its state (phase, attempt, abort reason, parent, task)
 * is the aggregate's own, folded by {@link Action#evolve}; the rest of the details row (times, last
 * error, output, cache status, position) follows the projection's rules in adapters/postgres {@code
 * ActionSql}, which the end-to-end tests hold equal.
 */
final class ReplayedAction {

  private ActionState state;
  private ActionCreated created;
  private CacheStatus cacheStatus = CacheStatus.UNSPECIFIED;
  private ExecutionError error;
  private String outputUri;
  private Instant startedAt;
  private Instant updatedAt;
  private Instant endedAt;
  private Long durationMs;
  private long position;
  private final List<ActionEventView> history = new ArrayList<>();

  /** Folds one event in; the phase before it (null before creation) for the ancestors' counts. */
  ActionPhase apply(StoredActionEvent stored, boolean keepHistory) {
    ActionPhase before = state == null ? null : state.phase();
    state = Action.evolve(state, stored.event());
    switch (stored.event()) {
      case ActionCreated e -> created(e);
      case ActionEventRecorded e -> recorded(e);
      case ActionAbortRequested e -> aborted(e);
    }
    position = Math.max(position, stored.position());
    if (keepHistory) {
      history.add(
          HistoryEntry.of(
              stored.event(),
              stored.position(),
              stored.recordedAt(),
              history.size(),
              StoredTimes::micros));
    }
    return before;
  }

  /** A descendant changed phase: the projection moves this row's position with its counts. */
  void descendantMoved(long at) {
    position = Math.max(position, at);
  }

  ActionId id() {
    return state.id();
  }

  ActionId parent() {
    return state.parent();
  }

  ActionPhase phase() {
    return state.phase();
  }

  List<ActionEventView> history() {
    return List.copyOf(history);
  }

  private void created(ActionCreated e) {
    created = e;
    updatedAt = createdAt();
  }

  /** As the projection's APPLY_EVENT. */
  private void recorded(ActionEventRecorded e) {
    Instant updated = StoredTimes.micros(e.updatedTime());
    Instant started = startedAt;
    cacheStatus = e.cacheStatus();
    error = e.error();
    outputUri = e.outputUri() != null ? e.outputUri() : outputUri;
    if (e.phase().number() > ActionPhase.QUEUED.number() && startedAt == null) {
      startedAt = updated;
    }
    if (e.phase().isTerminal()) {
      endedAt = StoredTimes.latest(updated, createdAt());
      durationMs = StoredTimes.millisBetween(started != null ? started : updated, endedAt);
    } else {
      endedAt = null;
      durationMs = null;
    }
    updatedAt = updated;
  }

  /** As the projection's APPLY_ABORT. */
  private void aborted(ActionAbortRequested e) {
    Instant at = StoredTimes.micros(e.requestedAt());
    endedAt = StoredTimes.latest(at, createdAt());
    durationMs = StoredTimes.millisBetween(startedAt != null ? startedAt : createdAt(), endedAt);
    updatedAt = at;
  }

  private Instant createdAt() {
    return StoredTimes.micros(created.createdAt());
  }

  /** The details row; a replayed row has no projection version, so it carries its position. */
  ActionView view(Map<ActionPhase, Integer> descendantsByPhase) {
    return new ActionView(
        state.id(),
        state.parent(),
        state.type(),
        state.task(),
        created.group(),
        created.inputUri(),
        created.runOutputBase(),
        created.spec(),
        created.runSpec(),
        created.source(),
        created.triggerName(),
        created.createdBy(),
        state.phase(),
        state.attempt(),
        cacheStatus,
        error,
        state.abortReason(),
        outputUri,
        createdAt(),
        startedAt,
        updatedAt,
        endedAt,
        durationMs,
        descendantsByPhase,
        position,
        position);
  }
}
