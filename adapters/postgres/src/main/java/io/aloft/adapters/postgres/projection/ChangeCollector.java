package io.aloft.adapters.postgres.projection;

import io.aloft.adapters.postgres.notify.InProcessChangeFeed;
import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.domain.id.ActionId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Gathers the actions a projection batch touched and publishes them once, after the batch's
 * transaction commits: readers woken by the notice are then sure to see the new rows, and a batch
 * of a hundred events costs one notice, not a hundred.
 */
public final class ChangeCollector {

  private static final String RESOURCE = "aloft.changed-actions";

  private final InProcessChangeFeed feed;

  public ChangeCollector(InProcessChangeFeed feed) {
    this.feed = feed;
  }

  public void changed(long position, Collection<ActionId> actions) {
    if (!CurrentUnitOfWork.isStarted()) {
      feed.publish(new ChangeBatch(position, Set.copyOf(actions)));
      return;
    }
    Pending pending = CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, this::open);
    pending.actions.addAll(actions);
    pending.lastPosition = Math.max(pending.lastPosition, position);
  }

  private Pending open(String key) {
    Pending pending = new Pending();
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    root.afterCommit(u -> feed.publish(new ChangeBatch(pending.lastPosition, pending.actions)));
    return pending;
  }

  private static final class Pending {
    private final Set<ActionId> actions = new HashSet<>();
    private long lastPosition = -1;
  }
}
