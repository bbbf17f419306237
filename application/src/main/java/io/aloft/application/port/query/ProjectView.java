package io.aloft.application.port.query;

import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.ProjectLifecycle;
import java.time.Instant;
import java.util.Map;

/** A project as the read model holds it. */
public record ProjectView(
    ProjectId id,
    String displayName,
    String description,
    Map<String, String> labels,
    ProjectLifecycle lifecycle,
    Instant createdAt,
    Instant updatedAt) {

  public ProjectView {
    labels = Map.copyOf(labels);
  }
}
