package io.aloft.domain.project;

import io.aloft.domain.id.ProjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Create a project. All components are non-null (empty strings and maps are fine).
 *
 * @param displayName at most 64 characters
 * @param description at most 300 characters
 * @param labels at most 64, keys non-blank, keys and values at most 63 characters; copied
 */
public record CreateProject(
    ProjectId id,
    String displayName,
    String description,
    Map<String, String> labels,
    Instant requestedAt)
    implements ProjectCommand {

  public CreateProject {
    Objects.requireNonNull(id, "id");
    ProjectFields.displayName(Objects.requireNonNull(displayName, "displayName"));
    ProjectFields.description(Objects.requireNonNull(description, "description"));
    labels = ProjectFields.labels(Objects.requireNonNull(labels, "labels"));
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  @Override
  public ProjectId projectId() {
    return id;
  }
}
