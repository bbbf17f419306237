package io.aloft.application.port.query;

import io.aloft.domain.action.ActionPhase;
import java.util.Set;

/**
 * Narrows list and watch results. An empty phase set means every phase; an empty {@code
 * nameContains} matches every name (compared case-insensitively).
 */
public record ActionFilter(Set<ActionPhase> phases, String nameContains) {

  public static final ActionFilter NONE = new ActionFilter(Set.of(), "");

  public ActionFilter {
    phases = Set.copyOf(phases);
    nameContains = nameContains == null ? "" : nameContains;
  }

  public boolean matches(ActionView view) {
    return (phases.isEmpty() || phases.contains(view.phase()))
        && (nameContains.isEmpty()
            || view.id().name().toLowerCase().contains(nameContains.toLowerCase())
            || view.id().run().name().toLowerCase().contains(nameContains.toLowerCase()));
  }
}
