package io.aloft.application.watch;

import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.application.port.notify.ChangeFeed;
import io.aloft.domain.id.ActionId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/** One watcher's marks: which actions of interest changed, from construction until disposed. */
final class Marks implements Disposable {

  private final Set<ActionId> dirty = ConcurrentHashMap.newKeySet();

  /**
   * At most one wake-up is in flight: the feed marks, then sets the flag and wakes; the watcher
   * clears the flag, then drains. The flag and the set are accessed with volatile semantics, so
   * either the drain sees a mark or the feed sees the flag cleared and wakes again. (A one-slot
   * queue as the only guard lost wake-ups now and then: its poll frees the slot with a release
   * store that the following read of the set may overtake, so the feed could find the slot still
   * full while the drain found the set empty.)
   */
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();

  /**
   * Unbounded in type only: the flag admits one element at a time, and the feed's onNext calls are
   * serial, so an emission fails only once the watcher has gone.
   */
  private final Sinks.Many<Boolean> wakeUps =
      Sinks.many().unicast().onBackpressureBuffer(Queues.<Boolean>unbounded(1).get());

  private final Disposable subscription;

  Marks(ChangeFeed feed, Predicate<ActionId> interest) {
    subscription = feed.changes().subscribe(batch -> mark(batch, interest));
  }

  private void mark(ChangeBatch batch, Predicate<ActionId> interest) {
    for (ActionId id : batch.actions()) {
      if (interest.test(id)) {
        dirty.add(id);
      }
    }
    if (!dirty.isEmpty() && wakeUpPending.compareAndSet(false, true)) {
      wakeUps.tryEmitNext(Boolean.TRUE);
    }
  }

  /**
   * Non-empty sets of marked actions, each drained when the subscriber requests it, not before.
   * Subscribe once.
   */
  Flux<Set<ActionId>> sets() {
    // Hop off the publishing thread (the projection processor) before re-reading: the projection
    // must never wait for watchers. A watcher cancelled while the feed hands it a wake-up makes
    // publishOn log "Scheduler unavailable" through onErrorDropped (its worker is disposed):
    // harmless, it only drops that cancelled watcher's wake-up.
    return wakeUps
        .asFlux()
        .publishOn(Schedulers.parallel(), 1)
        .map(wake -> drain())
        .filter(ids -> !ids.isEmpty());
  }

  private Set<ActionId> drain() {
    wakeUpPending.set(false);
    Set<ActionId> drained = new HashSet<>();
    for (ActionId id : dirty) {
      if (dirty.remove(id)) {
        drained.add(id);
      }
    }
    return drained;
  }

  @Override
  public void dispose() {
    subscription.dispose();
  }

  @Override
  public boolean isDisposed() {
    return subscription.isDisposed();
  }
}
