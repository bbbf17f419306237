package io.aloft.application.port.query;

import io.aloft.domain.id.ProjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads projects from the read model. */
public interface ProjectQueries {

  /** Empty when the project does not exist. */
  Mono<ProjectView> find(ProjectId id);

  /** Projects ordered by name; {@code limit} rows from {@code offset}. */
  Flux<ProjectView> list(int limit, long offset);
}
