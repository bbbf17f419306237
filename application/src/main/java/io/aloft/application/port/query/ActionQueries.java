package io.aloft.application.port.query;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads runs (root actions), actions and their raw event history from the read model. */
public interface ActionQueries {

  /** Empty when the action does not exist. */
  Mono<ActionView> find(ActionId id);

  /** The current rows of the given actions, in no particular order; missing ones are skipped. */
  Flux<ActionView> findAll(Collection<ActionId> ids);

  /**
   * Root actions of a project and domain, ordered phase ascending, then newest first (the
   * reference's default order).
   */
  Flux<ActionView> listRuns(ProjectDomain scope, ActionFilter filter, int limit, long offset);

  /** The actions of one run in the reference's default order. */
  Flux<ActionView> listActions(RunId run, ActionFilter filter, int limit, long offset);

  /** Every action of a run, oldest first (created time, then name). */
  Flux<ActionView> tree(RunId run);

  /**
   * Every action not yet in a terminal phase, across all projects, oldest first: what the executor
   * must still be running after a restart.
   */
  Flux<ActionView> unfinished();

  /** Raw events in history order (their {@code position}), at most {@code limit}. */
  Flux<ActionEventView> events(EventSelection selection, int limit);
}
