package io.aloft.application.port.query;

import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.id.TaskName;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads deployed tasks from the read model. */
public interface TaskQueries {

  /** Empty when that task version was never deployed. */
  Mono<TaskView> find(TaskId id);

  /**
   * The latest version of each task in a project and domain, newest first; {@code nameContains}
   * (case-insensitive) may be empty.
   */
  Flux<TaskView> latestVersions(ProjectDomain scope, String nameContains, int limit, long offset);

  /** Every version of one task, newest first. */
  Flux<TaskView> versions(TaskName name, int limit, long offset);
}
