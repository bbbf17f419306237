package io.aloft.application.watch;

import io.aloft.application.port.notify.ChangeFeed;
import io.aloft.domain.id.ActionId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * Turns the hot change feed into a per-watcher stream of "these actions changed" sets that never
 * buffers without bound: marks accumulate in a set (at most one entry per action), and at most one
 * wake-up is pending. A slow watcher therefore gets fewer, larger sets rather than a growing queue;
 * it re-reads the current rows, so nothing is lost by coalescing.
 */
public final class DirtyActions {

  private final ChangeFeed feed;

  public DirtyActions(ChangeFeed feed) {
    this.feed = feed;
  }

  /**
   * Subscribes to the feed at subscription time, so changes committed while a caller builds its
   * snapshot are not missed.
   */
  public Flux<Set<ActionId>> watch(Predicate<ActionId> interest) {
    return Flux.defer(
        () -> {
          Set<ActionId> dirty = ConcurrentHashMap.newKeySet();
          Sinks.Many<Boolean> wakeUps =
              Sinks.many().unicast().onBackpressureBuffer(Queues.<Boolean>one().get());
          var subscription =
              feed.changes()
                  .subscribe(
                      batch -> {
                        boolean any = false;
                        for (ActionId id : batch.actions()) {
                          any |= interest.test(id) && dirty.add(id);
                        }
                        if (any || !dirty.isEmpty()) {
                          wakeUps.tryEmitNext(Boolean.TRUE);
                        }
                      });
          // Hop off the publishing thread (the projection processor) before re-reading: the
          // projection must never wait for watchers.
          return wakeUps
              .asFlux()
              .publishOn(Schedulers.parallel(), 1)
              .map(wake -> drain(dirty))
              .filter(ids -> !ids.isEmpty())
              .doFinally(signal -> subscription.dispose());
        });
  }

  private static Set<ActionId> drain(Set<ActionId> dirty) {
    Set<ActionId> drained = new HashSet<>();
    for (ActionId id : dirty) {
      if (dirty.remove(id)) {
        drained.add(id);
      }
    }
    return drained;
  }
}
