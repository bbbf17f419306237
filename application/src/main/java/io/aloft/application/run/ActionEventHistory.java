package io.aloft.application.run;

import io.aloft.application.common.Page;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.EventSelection;
import io.aloft.application.watch.DirtyActions;
import io.aloft.domain.id.ActionId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The raw, ordered event history of a run or an action, for audit: a page at a time from any
 * position, or as a stream that replays from a position and then follows live.
 */
public final class ActionEventHistory {

  static final int WATCH_BATCH = 500;

  private final ActionQueries queries;
  private final DirtyActions dirty;
  private final RunReader reader;

  public ActionEventHistory(ActionQueries queries, DirtyActions dirty, RunReader reader) {
    this.queries = queries;
    this.dirty = dirty;
    this.reader = reader;
  }

  /** The token is the position of the last event returned. */
  public Mono<Page<ActionEventView>> list(EventSelection selection, int limit) {
    return requireTarget(selection)
        .then(queries.events(selection, limit + 1).collectList())
        .map(rows -> page(rows, limit));
  }

  public Flux<ActionEventView> watch(EventSelection selection) {
    return requireTarget(selection)
        .thenMany(
            Flux.defer(
                () -> {
                  AtomicLong last = new AtomicLong(selection.afterPosition());
                  return dirty.follow(
                      selection::covers, drain(selection, last), ids -> drain(selection, last));
                }));
  }

  /** Everything after the last position read, in batches, until caught up. */
  private Flux<ActionEventView> drain(EventSelection selection, AtomicLong last) {
    // The position advances when a batch is read, not when it is sent, so a repeat never
    // re-reads rows still on their way to a slow client.
    return Flux.defer(
            () ->
                queries
                    .events(selection.after(last.get()), WATCH_BATCH)
                    .collectList()
                    .doOnNext(batch -> advance(last, batch)))
        .repeat()
        .takeUntil(batch -> batch.size() < WATCH_BATCH)
        .concatMapIterable(batch -> batch);
  }

  private static void advance(AtomicLong last, List<ActionEventView> batch) {
    if (!batch.isEmpty()) {
      last.set(batch.getLast().position());
    }
  }

  /** An unknown project, run or action is not_found, rather than an empty history. */
  private Mono<?> requireTarget(EventSelection selection) {
    if (selection.run() == null) {
      return reader.requireProject(selection.scope());
    }
    return reader.require(
        selection.action() == null ? ActionId.root(selection.run()) : selection.action());
  }

  private static Page<ActionEventView> page(List<ActionEventView> rows, int limit) {
    boolean more = rows.size() > limit;
    List<ActionEventView> items = more ? rows.subList(0, limit) : rows;
    return new Page<>(items, more ? Long.toString(items.getLast().position()) : "");
  }
}
