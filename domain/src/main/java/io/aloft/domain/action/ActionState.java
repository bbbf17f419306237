package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Action#decide} needs to know about an action, rebuilt by {@link Action#evolve}.
 *
 * @param id never null
 * @param parent null only for the root action
 * @param type never null
 * @param task null for traces and conditions
 * @param phase never null
 * @param attempt the current attempt, starting at 1
 * @param seen keys of every applied executor event; copied, unmodifiable
 * @param createdAt never null
 * @param abortReason null unless the action was aborted
 */
public record ActionState(
    ActionId id,
    ActionId parent,
    ActionType type,
    TaskRef task,
    ActionPhase phase,
    int attempt,
    Set<EventKey> seen,
    Instant createdAt,
    String abortReason) {

  public ActionState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(phase, "phase");
    seen = Set.copyOf(seen);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean isTerminal() {
    return phase.isTerminal();
  }
}
