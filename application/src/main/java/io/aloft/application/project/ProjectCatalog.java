package io.aloft.application.project;

import io.aloft.application.common.Page;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.query.ProjectView;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.CreateProject;
import io.aloft.domain.project.UpdateProject;
import io.aloft.domain.query.PageRequest;
import reactor.core.publisher.Mono;

/**
 * Project use cases: create, update (including archive), get and list. The project read model is
 * updated in the command's own transaction, so a write is visible to the read that follows it.
 */
public final class ProjectCatalog {

  private final CommandPort commands;
  private final ProjectQueries queries;

  public ProjectCatalog(CommandPort commands, ProjectQueries queries) {
    this.commands = commands;
    this.queries = queries;
  }

  public Mono<ProjectView> create(CreateProject command) {
    return commands.send(command).then(get(command.id()));
  }

  public Mono<ProjectView> update(UpdateProject command) {
    return commands.send(command).then(get(command.id()));
  }

  public Mono<ProjectView> get(ProjectId id) {
    return queries.find(id).switchIfEmpty(Mono.error(() -> missing(id)));
  }

  public Mono<Page<ProjectView>> list(PageRequest page) {
    return Page.fetch(page, queries::list);
  }

  /** The error every use case gives for a project that does not exist. */
  public static NotFound missing(ProjectId id) {
    return new NotFound(
        "project '" + id.name() + "' does not exist; create it with ProjectService.CreateProject");
  }
}
