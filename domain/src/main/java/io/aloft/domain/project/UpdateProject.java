package io.aloft.domain.project;

import io.aloft.domain.id.ProjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Change some of a project's fields; a null field keeps its current value. Limits as in {@link
 * CreateProject}.
 *
 * @param id never null
 * @param displayName nullable = keep
 * @param description nullable = keep
 * @param labels nullable = keep; otherwise replaces all labels
 * @param lifecycle nullable = keep
 * @param requestedAt never null
 */
public record UpdateProject(
    ProjectId id,
    String displayName,
    String description,
    Map<String, String> labels,
    ProjectLifecycle lifecycle,
    Instant requestedAt)
    implements ProjectCommand {

  public UpdateProject {
    Objects.requireNonNull(id, "id");
    ProjectFields.displayName(displayName);
    ProjectFields.description(description);
    labels = ProjectFields.labels(labels);
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  @Override
  public ProjectId projectId() {
    return id;
  }
}
