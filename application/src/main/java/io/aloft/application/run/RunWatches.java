package io.aloft.application.run;

import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.application.watch.DirtyActions;
import io.aloft.application.watch.LiveActions;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import reactor.core.publisher.Flux;

/**
 * The watch streams. Each subscribes to changes first, then sends a snapshot, then live updates;
 * parents come before children and no row version is sent twice.
 */
public final class RunWatches {

  /** The reference's WatchRuns snapshot holds at most 100 runs. */
  static final int RUN_SNAPSHOT = 100;

  private final LiveActions live;
  private final DirtyActions dirty;
  private final ActionQueries queries;
  private final RunReader reader;
  private final ProjectCatalog projects;

  public RunWatches(
      LiveActions live,
      DirtyActions dirty,
      ActionQueries queries,
      RunReader reader,
      ProjectCatalog projects) {
    this.live = live;
    this.dirty = dirty;
    this.queries = queries;
    this.reader = reader;
    this.projects = projects;
  }

  /** Runs (root actions) of a project and domain that match the filter. */
  public Flux<ActionView> runs(ProjectDomain scope, ActionFilter filter) {
    return projects
        .get(scope.project())
        .thenMany(
            live.watch(
                id -> id.isRoot() && id.run().scope().equals(scope),
                queries.listRuns(scope, filter, RUN_SNAPSHOT, 0)))
        .filter(filter::matches);
  }

  /** Every action of one run; the caller marks which meet its filter. */
  public Flux<ActionView> actions(RunId run) {
    return reader
        .require(ActionId.root(run))
        .thenMany(live.watch(id -> id.run().equals(run), queries.tree(run)));
  }

  /**
   * Details of one action whenever it changes; ends after sending a terminal state, as the
   * reference's WatchActionDetails does.
   */
  public Flux<ActionDetails> details(ActionId id) {
    return reader
        .require(id)
        .thenMany(dirty.follow(id::equals, reader.details(id), ids -> reader.details(id)))
        .distinctUntilChanged(details -> details.action().version())
        .takeUntil(details -> details.action().phase().isTerminal());
  }
}
