package io.aloft.domain.project;

import io.aloft.domain.id.ProjectId;

/** Something that happened to one project. */
public sealed interface ProjectEvent permits ProjectCreated, ProjectUpdated {

  ProjectId projectId();
}
