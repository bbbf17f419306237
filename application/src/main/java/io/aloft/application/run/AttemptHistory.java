package io.aloft.application.run;

import io.aloft.application.port.query.ActionEventView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.TaskLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds attempts from executor events, as the reference does: events grouped by attempt in
 * order; the start is the first event's time; the final event is the first terminal one (later ones
 * are ignored), else the last; logs are merged by name, newest winning; one transition per phase,
 * the first time it was seen. The report is the latest one named up to the final event: an SDK may
 * report it before the attempt ends and not repeat it.
 */
public final class AttemptHistory {

  private AttemptHistory() {}

  public static List<AttemptView> of(List<ActionEventView> events) {
    Map<Integer, List<ActionEventView>> byAttempt = new TreeMap<>();
    for (ActionEventView event : events) {
      if (event.key() != null && "ActionEventRecorded".equals(event.type())) {
        byAttempt.computeIfAbsent(event.key().attempt(), a -> new ArrayList<>()).add(event);
      }
    }
    List<AttemptView> attempts = new ArrayList<>();
    byAttempt.forEach((attempt, list) -> attempts.add(attempt(attempt, list)));
    return attempts;
  }

  private static AttemptView attempt(int attempt, List<ActionEventView> events) {
    Map<String, TaskLog> logs = new LinkedHashMap<>();
    Map<ActionPhase, AttemptView.PhaseTransition> transitions = new LinkedHashMap<>();
    ActionEventView last = events.getFirst();
    String reportUri = null;
    for (ActionEventView event : events) {
      last = event;
      if (event.reportUri() != null) {
        reportUri = event.reportUri();
      }
      event.logs().forEach(log -> logs.put(log.name(), log));
      transitions.putIfAbsent(
          event.key().phase(),
          new AttemptView.PhaseTransition(event.key().phase(), event.updatedTime()));
      if (event.key().phase().isTerminal()) {
        break;
      }
    }
    ActionPhase phase = last.key().phase();
    var start = events.getFirst().updatedTime();
    var end = phase.isTerminal() ? max(start, last.updatedTime()) : null;
    return new AttemptView(
        attempt,
        phase,
        start,
        end,
        last.error(),
        last.outputUri(),
        new ArrayList<>(logs.values()),
        last.cluster(),
        last.cacheStatus(),
        new ArrayList<>(transitions.values()),
        reportUri);
  }

  private static java.time.Instant max(java.time.Instant a, java.time.Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
