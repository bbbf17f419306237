package io.aloft.adapters.postgres.eventstore;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.id.TaskId;

/**
 * Event-store stream identifiers. All aggregates share one event table, so each kind gets a prefix:
 * a task key such as {@code p/d/name/v1} could otherwise equal an action key {@code p/d/run/a0}.
 */
public final class AggregateIds {

  static final String ACTION = "action:";
  static final String PROJECT = "project:";
  static final String TASK = "task:";

  private AggregateIds() {}

  public static String of(ActionId id) {
    return ACTION + id.key();
  }

  public static String of(ProjectId id) {
    return PROJECT + id.name();
  }

  public static String of(TaskId id) {
    return TASK + id.key();
  }

  /** The action a stream identifier names, or null for a stream of another kind. */
  public static ActionId actionOrNull(String aggregateIdentifier) {
    return aggregateIdentifier.startsWith(ACTION)
        ? ActionId.parseKey(aggregateIdentifier.substring(ACTION.length()))
        : null;
  }
}
