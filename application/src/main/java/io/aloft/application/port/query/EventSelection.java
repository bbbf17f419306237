package io.aloft.application.port.query;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.time.Instant;

/**
 * Which raw events to read: those of a whole run, or of one action, strictly after a history
 * position, and (if {@code fromTime} is set) recorded at or after that time.
 */
public record EventSelection(RunId run, ActionId action, long afterPosition, Instant fromTime) {

  public static EventSelection ofRun(RunId run, long afterPosition, Instant fromTime) {
    return new EventSelection(run, null, afterPosition, fromTime);
  }

  public static EventSelection ofAction(ActionId action, long afterPosition, Instant fromTime) {
    return new EventSelection(action.run(), action, afterPosition, fromTime);
  }

  public EventSelection after(long position) {
    return new EventSelection(run, action, Math.max(position, afterPosition), fromTime);
  }
}
