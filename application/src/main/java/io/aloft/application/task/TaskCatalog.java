package io.aloft.application.task;

import io.aloft.application.common.Page;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.TaskQueries;
import io.aloft.application.port.query.TaskView;
import io.aloft.application.project.ActiveProjects;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.id.TaskName;
import io.aloft.domain.query.PageRequest;
import io.aloft.domain.task.DeployTask;
import reactor.core.publisher.Mono;

/**
 * Task use cases: deploy a version (immutable; the same spec again is a no-op), get one version,
 * list the latest version of each task, and list one task's versions.
 */
public final class TaskCatalog {

  private final CommandPort commands;
  private final TaskQueries queries;
  private final ActiveProjects projects;

  public TaskCatalog(CommandPort commands, TaskQueries queries, ActiveProjects projects) {
    this.commands = commands;
    this.queries = queries;
    this.projects = projects;
  }

  public Mono<TaskView> deploy(DeployTask command) {
    return projects
        .require(command.id().scope().project())
        .then(commands.send(command))
        .then(get(command.id()));
  }

  public Mono<TaskView> get(TaskId id) {
    return queries.find(id).switchIfEmpty(Mono.error(() -> missing(id)));
  }

  public Mono<Page<TaskView>> list(ProjectDomain scope, String nameContains, PageRequest page) {
    return projects
        .require(scope.project())
        .then(
            Page.fetch(
                page,
                (limit, offset) -> queries.latestVersions(scope, nameContains, limit, offset)));
  }

  public Mono<Page<TaskView>> versions(TaskName name, PageRequest page) {
    return Page.fetch(page, (limit, offset) -> queries.versions(name, limit, offset));
  }

  public static NotFound missing(TaskId id) {
    return new NotFound(
        "task "
            + id.key()
            + " does not exist; deploy it with TaskService.DeployTask or check the version");
  }
}
