package io.aloft.application.port.query;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import java.time.Instant;
import java.util.Objects;

/**
 * Which raw events to read: those of every run of a project and domain, of a whole run, or of one
 * action, strictly after a history position, and (if {@code fromTime} is set) recorded at or after
 * that time. {@code run} is null for a project and domain; {@code action} is null unless one
 * action.
 */
public record EventSelection(
    ProjectDomain scope, RunId run, ActionId action, long afterPosition, Instant fromTime) {

  public EventSelection {
    Objects.requireNonNull(scope, "scope");
  }

  public static EventSelection ofScope(ProjectDomain scope, long afterPosition, Instant fromTime) {
    return new EventSelection(scope, null, null, afterPosition, fromTime);
  }

  public static EventSelection ofRun(RunId run, long afterPosition, Instant fromTime) {
    return new EventSelection(run.scope(), run, null, afterPosition, fromTime);
  }

  public static EventSelection ofAction(ActionId action, long afterPosition, Instant fromTime) {
    return new EventSelection(action.run().scope(), action.run(), action, afterPosition, fromTime);
  }

  public EventSelection after(long position) {
    return new EventSelection(scope, run, action, Math.max(position, afterPosition), fromTime);
  }

  /** Whether an action's events belong to this selection. */
  public boolean covers(ActionId id) {
    if (action != null) {
      return id.equals(action);
    }
    return run != null ? id.run().equals(run) : id.run().scope().equals(scope);
  }
}
