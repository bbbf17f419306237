package io.aloft.domain.project;

import io.aloft.domain.id.ProjectId;

/** A request to change one project; {@link Project#decide} turns it into events. */
public sealed interface ProjectCommand permits CreateProject, UpdateProject {

  ProjectId projectId();
}
