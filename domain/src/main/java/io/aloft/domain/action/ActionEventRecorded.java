package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An executor event was accepted and moved the action to {@code key.phase()} in {@code
 * key.attempt()}. Emitted only for events {@link PhaseRules} applies. {@code previousPhase} and
 * {@code previousAttempt} let projections update ancestors' phase counts without reading state.
 * Nullability as in {@link RecordActionEvent}; {@code previousPhase} is never null. {@code
 * reportUri} came later: events stored before it read back with it null.
 */
public record ActionEventRecorded(
    ActionId actionId,
    EventKey key,
    Instant updatedTime,
    Instant reportedTime,
    ExecutionError error,
    List<TaskLog> logs,
    String outputUri,
    CacheStatus cacheStatus,
    String cluster,
    ActionPhase previousPhase,
    int previousAttempt,
    String reportUri)
    implements ActionEvent {

  public ActionEventRecorded {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(updatedTime, "updatedTime");
    logs = List.copyOf(logs);
    Objects.requireNonNull(cacheStatus, "cacheStatus");
    Objects.requireNonNull(previousPhase, "previousPhase");
  }

  /** An event without a report. */
  public ActionEventRecorded(
      ActionId actionId,
      EventKey key,
      Instant updatedTime,
      Instant reportedTime,
      ExecutionError error,
      List<TaskLog> logs,
      String outputUri,
      CacheStatus cacheStatus,
      String cluster,
      ActionPhase previousPhase,
      int previousAttempt) {
    this(
        actionId,
        key,
        updatedTime,
        reportedTime,
        error,
        logs,
        outputUri,
        cacheStatus,
        cluster,
        previousPhase,
        previousAttempt,
        null);
  }

  static ActionEventRecorded from(RecordActionEvent c, ActionState previous) {
    return new ActionEventRecorded(
        c.actionId(),
        c.key(),
        c.updatedTime(),
        c.reportedTime(),
        c.error(),
        c.logs(),
        c.outputUri(),
        c.cacheStatus(),
        c.cluster(),
        previous.phase(),
        previous.attempt(),
        c.reportUri());
  }

  /** The phase the action is in after this event. */
  public ActionPhase phase() {
    return key.phase();
  }
}
