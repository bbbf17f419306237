package io.aloft.application.project;

import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.query.ProjectView;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.ProjectLifecycle;
import reactor.core.publisher.Mono;

/** The check every write into a project makes first: it exists and is not archived. */
public final class ActiveProjects {

  private final ProjectQueries queries;

  public ActiveProjects(ProjectQueries queries) {
    this.queries = queries;
  }

  public Mono<ProjectView> require(ProjectId id) {
    return queries
        .find(id)
        .switchIfEmpty(Mono.error(() -> ProjectCatalog.missing(id)))
        .flatMap(
            project ->
                project.lifecycle() == ProjectLifecycle.ARCHIVED
                    ? Mono.error(
                        new FailedPrecondition(
                            "project '"
                                + id.name()
                                + "' is archived; unarchive it with UpdateProject first"))
                    : Mono.just(project));
  }
}
