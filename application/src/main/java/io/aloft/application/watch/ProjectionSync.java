package io.aloft.application.watch;

import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.error.Unavailable;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes for the asynchronous action projection: waits until an action's row satisfies a
 * condition (typically: it exists), so that a client creating a run can read it back at once.
 */
public final class ProjectionSync {

  private final DirtyActions dirtyActions;
  private final ActionQueries queries;
  private final Duration timeout;

  public ProjectionSync(DirtyActions dirtyActions, ActionQueries queries, Duration timeout) {
    this.dirtyActions = dirtyActions;
    this.queries = queries;
    this.timeout = timeout;
  }

  public Mono<ActionView> await(ActionId id, Predicate<ActionView> condition) {
    return dirtyActions
        .follow(id::equals, queries.find(id), ids -> queries.find(id))
        .filter(condition)
        .next()
        .timeout(
            timeout,
            Mono.error(
                () ->
                    new Unavailable(
                        "the read model did not show action "
                            + id.key()
                            + " within "
                            + timeout.toMillis()
                            + " ms; it will appear shortly, read it again")));
  }

  /**
   * Empty if the action does not show up within the timeout. Usually it is there already, so one
   * read answers; only a missing row pays for following the change feed.
   */
  public Mono<ActionView> awaitExisting(ActionId id, Duration wait) {
    return queries.find(id).switchIfEmpty(Mono.defer(() -> followUntilExists(id, wait)));
  }

  private Mono<ActionView> followUntilExists(ActionId id, Duration wait) {
    return dirtyActions
        .follow(id::equals, queries.find(id), ids -> queries.find(id))
        .next()
        .timeout(wait, Mono.empty());
  }
}
