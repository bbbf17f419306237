package io.aloft.application.run;

import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.AbortAction;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.id.ActionId;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Aborts an action (for a run: its root) and every descendant still running. Aborting something
 * already finished is a no-op, so the call is safe to repeat.
 */
public final class AbortUseCase {

  private final RunReader reader;
  private final ActionQueries queries;
  private final CommandPort commands;
  private final ActionDispatcher dispatcher;
  private final Clock clock;

  public AbortUseCase(
      RunReader reader,
      ActionQueries queries,
      CommandPort commands,
      ActionDispatcher dispatcher,
      Clock clock) {
    this.reader = reader;
    this.queries = queries;
    this.commands = commands;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Mono<Void> abort(ActionId target, String reason, String requestedBy) {
    return reader
        .require(target)
        .then(queries.tree(target.run()).collectList())
        .flatMapMany(tree -> Flux.fromIterable(targetAndDescendants(target, tree)))
        .concatMap(row -> abortOne(row, reason, requestedBy))
        .then();
  }

  /**
   * Records the abort of a running action, then stops its execution. An action aborted earlier is
   * only stopped again (idempotent), in case a crash came between the two.
   */
  private Mono<Void> abortOne(ActionView row, String reason, String requestedBy) {
    if (row.phase() == ActionPhase.ABORTED) {
      return dispatcher.abort(row.id(), row.abortReason());
    }
    if (row.phase().isTerminal()) {
      return Mono.empty();
    }
    return commands
        .send(new AbortAction(row.id(), reason, requestedBy, clock.instant()))
        .then(dispatcher.abort(row.id(), reason));
  }

  /** The target first, then its descendants (a tree list is oldest first: parents come first). */
  static List<ActionView> targetAndDescendants(ActionId target, List<ActionView> tree) {
    Set<ActionId> inside = new HashSet<>(Set.of(target));
    return tree.stream()
        .filter(
            row ->
                row.id().equals(target)
                    || (row.parent() != null
                        && inside.contains(row.parent())
                        && inside.add(row.id())))
        .toList();
  }
}
