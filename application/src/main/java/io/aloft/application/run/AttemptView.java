package io.aloft.application.run;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import java.time.Instant;
import java.util.List;

/**
 * One attempt of an action, rebuilt from its executor events. Nullable: endTime, error, outputUri,
 * cluster, reportUri (the latest report the attempt's events named).
 */
public record AttemptView(
    int attempt,
    ActionPhase phase,
    Instant startTime,
    Instant endTime,
    ExecutionError error,
    String outputUri,
    List<TaskLog> logs,
    String cluster,
    CacheStatus cacheStatus,
    List<PhaseTransition> transitions,
    String reportUri) {

  public AttemptView {
    logs = List.copyOf(logs);
    transitions = List.copyOf(transitions);
  }

  /** An attempt without a report. */
  public AttemptView(
      int attempt,
      ActionPhase phase,
      Instant startTime,
      Instant endTime,
      ExecutionError error,
      String outputUri,
      List<TaskLog> logs,
      String cluster,
      CacheStatus cacheStatus,
      List<PhaseTransition> transitions) {
    this(
        attempt,
        phase,
        startTime,
        endTime,
        error,
        outputUri,
        logs,
        cluster,
        cacheStatus,
        transitions,
        null);
  }

  /** When an attempt first reached a phase. */
  public record PhaseTransition(ActionPhase phase, Instant at) {}
}
