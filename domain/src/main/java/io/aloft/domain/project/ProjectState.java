package io.aloft.domain.project;

import io.aloft.domain.id.ProjectId;
import java.util.Map;
import java.util.Objects;

/** A project as {@link Project#decide} sees it. All components are non-null; labels are copied. */
public record ProjectState(
    ProjectId id,
    String displayName,
    String description,
    Map<String, String> labels,
    ProjectLifecycle lifecycle) {

  public ProjectState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    labels = ProjectFields.sortedCopy(labels);
    Objects.requireNonNull(lifecycle, "lifecycle");
  }
}
