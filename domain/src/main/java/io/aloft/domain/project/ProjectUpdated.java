package io.aloft.domain.project;

import io.aloft.domain.id.ProjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A project changed; carries every field's new value, so consumers need no earlier state. All
 * components are non-null.
 */
public record ProjectUpdated(
    ProjectId id,
    String displayName,
    String description,
    Map<String, String> labels,
    ProjectLifecycle lifecycle,
    Instant updatedAt)
    implements ProjectEvent {

  public ProjectUpdated {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    labels = ProjectFields.sortedCopy(labels);
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  @Override
  public ProjectId projectId() {
    return id;
  }
}
