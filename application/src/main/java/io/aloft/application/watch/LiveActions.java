package io.aloft.application.watch;

import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.id.ActionId;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;

/**
 * A watch of action rows: subscribe to changes first, then send a snapshot, then live updates,
 * parents before children, each row version at most once.
 */
public final class LiveActions {

  private final DirtyActions dirtyActions;
  private final ActionQueries queries;

  public LiveActions(DirtyActions dirtyActions, ActionQueries queries) {
    this.dirtyActions = dirtyActions;
    this.queries = queries;
  }

  public Flux<ActionView> watch(Predicate<ActionId> interest, Flux<ActionView> snapshot) {
    // follow() marks changes before the snapshot query runs, so nothing committed in between is
    // missed; the snapshot and live rows then pass through one SentRows filter.
    return Flux.defer(
        () -> {
          SentRows sent = new SentRows();
          return dirtyActions.follow(
              interest,
              snapshot.collectList().flatMapIterable(sent::admit),
              ids ->
                  queries
                      .findAll(ids)
                      .filter(row -> interest.test(row.id()))
                      .collectList()
                      .flatMapIterable(sent::admit));
        });
  }
}
