package io.aloft.application.execution;

import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.id.ActionId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
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
  private final ActionSpecReader specs;
  private final Clock clock;
  private final String defaultRawDataPrefix;

  public ActionDispatcher(
      TaskActionStore store, ActionQueries actions, ActionSpecReader specs, Clock clock) {
    this(store, actions, specs, clock, null);
  }

  /**
   * @param defaultRawDataPrefix nullable: the raw data prefix of runs whose RunSpec sets none
   *     ({@code aloft.execution.raw-data-prefix}); null keeps raw data below each attempt's outputs
   */
  public ActionDispatcher(
      TaskActionStore store,
      ActionQueries actions,
      ActionSpecReader specs,
      Clock clock,
      String defaultRawDataPrefix) {
    this.store = store;
    this.actions = actions;
    this.specs = specs;
    this.clock = clock;
    this.defaultRawDataPrefix = defaultRawDataPrefix;
  }

  /** Creates the TaskAction of an action, as its read-model row shows it. */
  public Mono<Void> dispatch(ActionView action) {
    return defaults(action.id(), action.runSpec(), action.createdAt())
        .flatMap(run -> store.create(TaskActionSpecs.of(action, run, specs)))
        .then();
  }

  /**
   * Creates the TaskAction of a run's root whose creation was just stored, without waiting for the
   * read model to show it.
   */
  public Mono<Void> dispatch(CreateAction created) {
    return defaults(created.actionId(), created.runSpec(), created.requestedAt())
        .flatMap(run -> store.create(TaskActionSpecs.of(created, run, specs)))
        .then();
  }

  /** As above, for a child whose parent's row the caller has read already. */
  public Mono<Void> dispatch(CreateAction created, ActionView parent) {
    Mono<RunDefaults> run =
        parent.id().isRoot()
            ? Mono.fromCallable(
                () ->
                    RunDefaults.of(
                        specs,
                        parent.id(),
                        parent.runSpec(),
                        parent.createdAt(),
                        defaultRawDataPrefix))
            : defaults(created.actionId(), null, created.requestedAt());
    return run.flatMap(defaults -> store.create(TaskActionSpecs.of(created, defaults, specs)))
        .then();
  }

  /**
   * The run's defaults for an action: a root reads its own RunSpec, a child its root's. A child
   * whose root is gone (it never is while the run exists) gets no environment, its own creation
   * time and the configured raw data prefix.
   */
  private Mono<RunDefaults> defaults(ActionId action, byte[] ownRunSpec, Instant ownCreatedAt) {
    if (action.isRoot()) {
      return Mono.fromCallable(
          () -> RunDefaults.of(specs, action, ownRunSpec, ownCreatedAt, defaultRawDataPrefix));
    }
    ActionId root = ActionId.root(action.run());
    return actions
        .find(root)
        .map(
            row ->
                RunDefaults.of(specs, root, row.runSpec(), row.createdAt(), defaultRawDataPrefix))
        .defaultIfEmpty(RunDefaults.none(ownCreatedAt, defaultRawDataPrefix));
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
