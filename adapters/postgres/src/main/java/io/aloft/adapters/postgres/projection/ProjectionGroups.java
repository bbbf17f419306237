package io.aloft.adapters.postgres.projection;

/**
 * Processing groups. All read models share one single-segment processor: events are applied in
 * global order, which the ancestor phase counts rely on (a child's creation precedes its changes).
 */
public final class ProjectionGroups {

  public static final String PROJECTIONS = "aloft-projections";

  /**
   * Projects and tasks: few, small writes that later requests check at once (a run needs its
   * project), so they are projected in the command's own transaction (a subscribing processor).
   */
  public static final String CATALOG = "aloft-catalog";

  private ProjectionGroups() {}
}
