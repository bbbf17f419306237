package io.aloft.application.run;

import io.aloft.application.common.Page;
import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.EventSelection;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import io.aloft.domain.query.PageRequest;
import reactor.core.publisher.Mono;

/** Reads of runs and actions: details with attempts, and the paged lists. */
public final class RunReader {

  /** The reference rebuilds attempts from at most 500 events; we allow more. */
  static final int MAX_EVENTS_PER_ACTION = 5_000;

  private final ActionQueries queries;
  private final ProjectCatalog projects;

  public RunReader(ActionQueries queries, ProjectCatalog projects) {
    this.queries = queries;
    this.projects = projects;
  }

  public Mono<ActionDetails> details(ActionId id) {
    return require(id).flatMap(this::detailsOf);
  }

  Mono<ActionDetails> detailsOf(ActionView action) {
    return queries
        .events(EventSelection.ofAction(action.id(), 0, null), MAX_EVENTS_PER_ACTION)
        .collectList()
        .map(events -> new ActionDetails(action, AttemptHistory.of(events)));
  }

  public Mono<ActionView> require(ActionId id) {
    return queries.find(id).switchIfEmpty(Mono.error(() -> missing(id)));
  }

  /** The project, or not_found (the domain is one of the configured ones, checked on input). */
  public Mono<?> requireProject(ProjectDomain scope) {
    return projects.get(scope.project());
  }

  public Mono<Page<ActionView>> listRuns(
      ProjectDomain scope, ActionFilter filter, PageRequest page) {
    return projects
        .get(scope.project())
        .then(Page.fetch(page, (limit, offset) -> queries.listRuns(scope, filter, limit, offset)));
  }

  public Mono<Page<ActionView>> listActions(RunId run, ActionFilter filter, PageRequest page) {
    return require(ActionId.root(run))
        .then(Page.fetch(page, (limit, offset) -> queries.listActions(run, filter, limit, offset)));
  }

  public static NotFound missing(ActionId id) {
    return id.isRoot()
        ? new NotFound(
            "run " + id.run().key() + " does not exist; check the project, domain and run name")
        : new NotFound("action " + id.key() + " does not exist; check the run and action name");
  }
}
