package io.aloft.application.port.notify;

import io.aloft.domain.id.ActionId;
import java.util.Set;

/**
 * The actions whose read-model rows one committed projection batch changed. Published after commit,
 * so a reader that sees the batch also sees the rows. {@code lastPosition} is the global event
 * position the batch ended at.
 */
public record ChangeBatch(long lastPosition, Set<ActionId> actions) {

  public ChangeBatch {
    actions = Set.copyOf(actions);
  }
}
