package io.aloft.adapters.connect.mapping;

import io.aloft.application.port.query.ProjectView;
import io.aloft.domain.project.ProjectLifecycle;
import io.aloft.proto.project.v1.Domain;
import io.aloft.proto.project.v1.Project;
import io.aloft.proto.project.v1.ProjectState;
import java.util.List;
import java.util.Objects;

/** Projects from the read model to proto. */
public final class ProjectMapper {

  /**
   * The domains every project has. The reference configures them on the server; the application has
   * no setting for them yet, so these are the reference's defaults.
   */
  public static final List<String> DOMAINS = List.of("development", "staging", "production");

  private static final List<Domain> DOMAIN_MESSAGES =
      DOMAINS.stream().map(name -> Domain.newBuilder().setId(name).setName(name).build()).toList();

  private ProjectMapper() {}

  public static Project toProto(ProjectView view) {
    Project.Builder project =
        Project.newBuilder()
            .setId(Ids.toProto(view.id()))
            .setName(Objects.requireNonNullElse(view.displayName(), ""))
            .addAllDomains(DOMAIN_MESSAGES)
            .setDescription(Objects.requireNonNullElse(view.description(), ""))
            .putAllLabels(view.labels())
            .setState(toProto(view.lifecycle()));
    if (view.createdAt() != null) {
      project.setCreatedAt(Timestamps.toProto(view.createdAt()));
    }
    return project.build();
  }

  public static ProjectState toProto(ProjectLifecycle lifecycle) {
    return switch (lifecycle) {
      case ACTIVE -> ProjectState.PROJECT_STATE_ACTIVE;
      case ARCHIVED -> ProjectState.PROJECT_STATE_ARCHIVED;
    };
  }
}
