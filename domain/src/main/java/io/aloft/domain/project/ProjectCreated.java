package io.aloft.domain.project;

import io.aloft.domain.id.ProjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A project was created, ACTIVE. All components are non-null. */
public record ProjectCreated(
    ProjectId id,
    String displayName,
    String description,
    Map<String, String> labels,
    Instant createdAt)
    implements ProjectEvent {

  public ProjectCreated {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    labels = ProjectFields.sortedCopy(labels);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  @Override
  public ProjectId projectId() {
    return id;
  }
}
