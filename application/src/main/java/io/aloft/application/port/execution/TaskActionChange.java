package io.aloft.application.port.execution;

import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import java.util.Objects;

/**
 * One entry of a {@link TaskActionStore}'s change stream, as a Kubernetes watch event carries the
 * object: the TaskAction as a write left it, or the news that it is gone. A controller can keep its
 * own copy current from these without reading the store again.
 */
public sealed interface TaskActionChange {

  ActionId action();

  /** The TaskAction as stored by a create, status update, deletion request or finalizer removal. */
  record Written(TaskAction current) implements TaskActionChange {
    public Written {
      Objects.requireNonNull(current, "current");
    }

    @Override
    public ActionId action() {
      return current.spec().action();
    }
  }

  /** The TaskAction was removed (its deletion completed). */
  record Removed(ActionId action) implements TaskActionChange {
    public Removed {
      Objects.requireNonNull(action, "action");
    }
  }
}
