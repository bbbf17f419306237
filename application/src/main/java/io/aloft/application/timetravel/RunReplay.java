package io.aloft.application.timetravel;

import io.aloft.application.port.query.StoredActionEvent;
import io.aloft.application.run.ActionDetails;
import io.aloft.application.run.AttemptHistory;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.id.ActionId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's stored events folded, in global order, into the details of one of its actions. Every
 * action is folded (descendants' phases make the target's counts); only the target keeps its
 * history, for its attempts. Not thread-safe: one replay is one fold.
 */
final class RunReplay {

  private final ActionId target;
  private final Map<ActionId, ReplayedAction> actions = new HashMap<>();

  RunReplay(ActionId target) {
    this.target = target;
  }

  void apply(StoredActionEvent stored) {
    ActionId id = stored.event().actionId();
    ReplayedAction action = actions.computeIfAbsent(id, k -> new ReplayedAction());
    ActionPhase before = action.apply(stored, id.equals(target));
    // As the projection: a phase change (creation included) shifts every ancestor's counts.
    if (before != action.phase()) {
      ancestors(action).forEach(ancestor -> ancestor.descendantMoved(stored.position()));
    }
  }

  /** Empty when the target had no events yet: it did not exist at that point. */
  Optional<ActionDetails> details() {
    ReplayedAction action = actions.get(target);
    if (action == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ActionDetails(action.view(descendantsByPhase()), AttemptHistory.of(action.history())));
  }

  /** How many of the target's descendants (not only children) are in each phase; no zeros. */
  private Map<ActionPhase, Integer> descendantsByPhase() {
    Map<ActionPhase, Integer> counts = new EnumMap<>(ActionPhase.class);
    for (ReplayedAction action : actions.values()) {
      if (ancestors(action).stream().anyMatch(a -> a.id().equals(target))) {
        counts.merge(action.phase(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private List<ReplayedAction> ancestors(ReplayedAction action) {
    List<ReplayedAction> ancestors = new ArrayList<>();
    ReplayedAction parent = action.parent() == null ? null : actions.get(action.parent());
    while (parent != null) {
      ancestors.add(parent);
      parent = parent.parent() == null ? null : actions.get(parent.parent());
    }
    return ancestors;
  }
}
