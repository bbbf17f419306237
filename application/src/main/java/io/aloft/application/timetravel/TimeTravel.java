package io.aloft.application.timetravel;

import io.aloft.application.port.query.ActionEventStore;
import io.aloft.application.port.query.AsOf;
import io.aloft.application.run.ActionDetails;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import reactor.core.publisher.Mono;

/**
 * Point-in-time details of a run or action: the run's stored events up to the point, folded through
 * the aggregate's own {@code evolve} into the same {@link ActionDetails} the live read builds from
 * the read model. See docs/decisions/0010.
 */
public final class TimeTravel {

  private final ActionEventStore store;

  public TimeTravel(ActionEventStore store) {
    this.store = store;
  }

  public Mono<ActionDetails> details(ActionId id, AsOf asOf) {
    return store
        .runEvents(id.run(), asOf)
        .collect(() -> new RunReplay(id), RunReplay::apply)
        .flatMap(replay -> Mono.justOrEmpty(replay.details()))
        .switchIfEmpty(Mono.error(() -> notYet(id, asOf)));
  }

  static NotFound notYet(ActionId id, AsOf asOf) {
    String what = id.isRoot() ? "run " + id.run().key() : "action " + id.key();
    return new NotFound(
        what
            + " did not exist at "
            + asOf.describe()
            + "; ask for a later point, or check the names");
  }
}
