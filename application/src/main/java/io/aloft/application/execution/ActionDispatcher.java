package io.aloft.application.execution;

import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
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

  public ActionDispatcher(
      TaskActionStore store, ActionQueries actions, ActionSpecReader specs, Clock clock) {
    this.store = store;
    this.actions = actions;
    this.specs = specs;
    this.clock = clock;
  }

  /** Creates the TaskAction of an action, as its read-model row shows it. */
  public Mono<Void> dispatch(ActionView action) {
    return environment(action.id(), action.runSpec())
        .flatMap(env -> store.create(TaskActionSpecs.of(action, env)))
        .then();
  }

  /**
   * Creates the TaskAction of a run's root whose creation was just stored, without waiting for the
   * read model to show it.
   */
  public Mono<Void> dispatch(CreateAction created) {
    return environment(created.actionId(), created.runSpec())
        .flatMap(env -> store.create(TaskActionSpecs.of(created, env)))
        .then();
  }

  /** As above, for a child whose parent's row the caller has read already. */
  public Mono<Void> dispatch(CreateAction created, ActionView parent) {
    Mono<Map<String, String>> env =
        parent.id().isRoot()
            ? Mono.fromCallable(() -> runEnvironment(parent.id(), parent.runSpec()))
            : environment(created.actionId(), null);
    return env.flatMap(vars -> store.create(TaskActionSpecs.of(created, vars))).then();
  }

  /**
   * The environment every action of a run gets: the root takes its RunSpec's, and each child
   * inherits its parent's, which is therefore the root's too (behaviour doc, section 5).
   */
  private Mono<Map<String, String>> environment(ActionId action, byte[] ownRunSpec) {
    if (action.isRoot()) {
      return Mono.fromCallable(() -> runEnvironment(action, ownRunSpec));
    }
    ActionId root = ActionId.root(action.run());
    return actions
        .find(root)
        .map(row -> runEnvironment(root, row.runSpec()))
        .defaultIfEmpty(Map.of());
  }

  /** A run spec that cannot be read was refused at CreateRun; an old corrupt one runs without. */
  private Map<String, String> runEnvironment(ActionId root, byte[] runSpec) {
    try {
      return specs.runEnvironment(Bytes.of(runSpec));
    } catch (InvalidArgument e) {
      LOG.log(
          Level.WARNING,
          "run spec of " + root.key() + " is unreadable; its actions get no run environment",
          e);
      return Map.of();
    }
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
