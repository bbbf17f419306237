package io.aloft.application.execution;

import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.id.ActionId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * ActionsService's side of execution: an action that was created gets a TaskAction, an action that
 * was aborted gets its TaskAction deleted. Both are idempotent, and {@link #recover} repairs what a
 * crash between the event store and the TaskAction store left undone.
 */
public final class ActionDispatcher {

  private static final System.Logger LOG = System.getLogger(ActionDispatcher.class.getName());

  private final TaskActionStore store;
  private final ActionQueries actions;
  private final Clock clock;

  public ActionDispatcher(TaskActionStore store, ActionQueries actions, Clock clock) {
    this.store = store;
    this.actions = actions;
    this.clock = clock;
  }

  /** Creates the TaskAction of a newly created action. */
  public Mono<Void> dispatch(ActionView action) {
    return store.create(TaskActionSpecs.of(action)).then();
  }

  /**
   * Creates the TaskAction of an action whose creation was just stored, without waiting for the
   * read model to show it.
   */
  public Mono<Void> dispatch(CreateAction created) {
    return store.create(TaskActionSpecs.of(created)).then();
  }

  /** Asks the executor to stop an aborted action. */
  public Mono<Void> abort(ActionId action, String reason) {
    return store.requestDeletion(action, reason, clock.instant());
  }

  /**
   * Makes the TaskAction store agree with the event store after a restart: every unfinished action
   * has a TaskAction, and every aborted action's TaskAction is being deleted.
   */
  public Mono<Void> recover() {
    Mono<Long> created =
        actions
            .unfinished()
            .concatMap(
                action ->
                    store
                        .get(action.id())
                        .hasElement()
                        .filter(has -> !has)
                        .flatMap(missing -> dispatch(action).thenReturn(1)))
            .count();
    Mono<Long> aborted =
        store
            .listActive()
            .filter(task -> !task.isDeleting())
            .concatMap(
                task ->
                    actions
                        .find(task.spec().action())
                        .filter(ActionDispatcher::aborted)
                        .flatMap(row -> abort(row.id(), row.abortReason()).thenReturn(1)))
            .count();
    return Mono.zip(created, aborted)
        .doOnNext(
            counts ->
                LOG.log(
                    Level.INFO,
                    "recovered {0} TaskActions missing after a restart and {1} aborts",
                    counts.getT1(),
                    counts.getT2()))
        .then();
  }

  private static boolean aborted(ActionView row) {
    return row.phase() == ActionPhase.ABORTED;
  }
}
