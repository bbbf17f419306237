package io.aloft.application.execution;

import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's copy of the TaskActions it works on, kept current from the store's change
 * stream, as a Kubernetes informer's cache is: a pass reads its TaskAction here instead of from the
 * store. Changes may arrive out of order, so an entry only ever moves to a higher resource version.
 *
 * <p>A settled TaskAction (finished, finalizer released, not being deleted) needs no more passes;
 * only its version is kept, so that a late, older change cannot bring it back, and that marker is
 * pruned once the TaskAction is old enough to have been garbage-collected. A stale entry (a write
 * this process did not see) costs one refused update: the controller then {@link #evict}s it and
 * reads the store.
 */
final class TaskActionCache {

  private sealed interface Entry {
    long version();
  }

  private record Live(TaskAction action) implements Entry {
    @Override
    public long version() {
      return action.resourceVersion();
    }
  }

  private record Settled(long version, Instant at) implements Entry {}

  private final Map<ActionId, Entry> entries = new ConcurrentHashMap<>();

  /** Applies a change; returns whether the TaskAction may need a pass. */
  boolean apply(TaskActionChange change, Instant now) {
    return switch (change) {
      case TaskActionChange.Written written -> offer(written.current(), now);
      case TaskActionChange.Removed removed -> {
        entries.remove(removed.action());
        yield true;
      }
    };
  }

  /** Keeps {@code action} unless a newer version is known; returns whether it may need a pass. */
  boolean offer(TaskAction action, Instant now) {
    Entry next = settled(action) ? new Settled(action.resourceVersion(), now) : new Live(action);
    Entry kept =
        entries.merge(
            action.spec().action(),
            next,
            (current, offered) -> offered.version() > current.version() ? offered : current);
    return kept == next && next instanceof Live;
  }

  /** The cached TaskAction, or null when it is unknown here or settled. */
  TaskAction live(ActionId id) {
    return entries.get(id) instanceof Live live ? live.action() : null;
  }

  /** The live TaskActions whose parent is {@code parent}. */
  List<TaskAction> liveChildrenOf(ActionId parent) {
    List<TaskAction> children = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry instanceof Live live && parent.equals(live.action().spec().parent())) {
        children.add(live.action());
      }
    }
    return children;
  }

  /** Whether the TaskAction is known to need no more passes. */
  boolean isSettled(ActionId id) {
    return entries.get(id) instanceof Settled;
  }

  /** Forgets a TaskAction whose copy turned out stale, or that the store no longer has. */
  void evict(ActionId id) {
    entries.remove(id);
  }

  /** Drops settled markers older than {@code cutoff}: their TaskActions are collected by then. */
  void pruneSettledBefore(Instant cutoff) {
    entries.values().removeIf(entry -> entry instanceof Settled s && s.at().isBefore(cutoff));
  }

  int size() {
    return entries.size();
  }

  private static boolean settled(TaskAction action) {
    return action.status().isTerminal() && !action.status().finalizer() && !action.isDeleting();
  }
}
