package io.aloft.application.watch;

import io.aloft.application.port.notify.ChangeFeed;
import io.aloft.domain.id.ActionId;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Turns the hot change feed into per-watcher re-reads that never buffer without bound: marks
 * accumulate in a set (at most one entry per action), and a set is taken only when the watcher is
 * ready to re-read it. A slow watcher therefore gets fewer, larger sets rather than a growing
 * queue; it re-reads the current rows, so nothing is lost by coalescing.
 */
public final class DirtyActions {

  private final ChangeFeed feed;

  public DirtyActions(ChangeFeed feed) {
    this.feed = feed;
  }

  /**
   * Sends {@code first}, then {@code reread} of each set of actions of interest that changed since
   * subscription. Marking starts at subscription, so nothing committed while {@code first} runs is
   * missed. A set is drained only after the previous re-read has completed, and nothing sits
   * between the marks and the re-read: an operator that prefetches there (publish, concatMap with a
   * prefetch) takes sets early, while they are small, and queues them, so the watcher falls behind
   * by whole re-reads and the marks it has not taken grow into one huge set.
   */
  public <T> Flux<T> follow(
      Predicate<ActionId> interest,
      Publisher<? extends T> first,
      Function<Set<ActionId>, ? extends Publisher<? extends T>> reread) {
    return Flux.using(
        () -> new Marks(feed, interest),
        marks -> Flux.<T>concat(first, marks.sets().concatMap(reread, 0)),
        Marks::dispose);
  }

  /**
   * The sets alone, each drained when the subscriber requests it (the building block of {@link
   * #follow}).
   */
  public Flux<Set<ActionId>> watch(Predicate<ActionId> interest) {
    return Flux.using(() -> new Marks(feed, interest), Marks::sets, Marks::dispose);
  }
}
