package io.aloft.adapters.connect.project;

import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Filters;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Paging;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.CreateProject;
import io.aloft.domain.project.ProjectLifecycle;
import io.aloft.domain.project.UpdateProject;
import io.aloft.domain.query.PageRequest;
import io.aloft.proto.project.v1.CreateProjectRequest;
import io.aloft.proto.project.v1.GetProjectRequest;
import io.aloft.proto.project.v1.ListProjectsRequest;
import io.aloft.proto.project.v1.Project;
import io.aloft.proto.project.v1.ProjectState;
import io.aloft.proto.project.v1.UpdateProjectRequest;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks ProjectService requests and turns them into commands. Domains and {@code created_at} are
 * server-owned and ignored on input.
 */
public final class ProjectRequests {

  /** The domain's limits, checked here as well so that messages name the proto field. */
  static final int DISPLAY_NAME_MAX = 64;

  static final int DESCRIPTION_MAX = 300;

  private ProjectRequests() {}

  public static CreateProject create(CreateProjectRequest request, Instant now) {
    Project project = requireProject(request.hasProject(), request.getProject());
    ProjectId id = Ids.projectId(project.getId(), "project.id");
    if (state(project) == ProjectLifecycle.ARCHIVED) {
      throw new InvalidArgument(
          "project.state cannot be ARCHIVED on create; create the project, then archive it with"
              + " UpdateProject");
    }
    String name = Fields.maxLength(project.getName(), DISPLAY_NAME_MAX, "project.name");
    String description =
        Fields.maxLength(project.getDescription(), DESCRIPTION_MAX, "project.description");
    Map<String, String> labels = project.getLabelsMap();
    return Fields.at("project.labels", () -> new CreateProject(id, name, description, labels, now));
  }

  /**
   * Proto3 strings cannot say "unset", so an empty name, description or label map keeps the current
   * value, and state UNSPECIFIED keeps the current state (as the proto documents).
   */
  public static UpdateProject update(UpdateProjectRequest request, Instant now) {
    Project project = requireProject(request.hasProject(), request.getProject());
    ProjectId id = Ids.projectId(project.getId(), "project.id");
    String name = Fields.optional(project.getName(), DISPLAY_NAME_MAX, "project.name");
    String description =
        Fields.optional(project.getDescription(), DESCRIPTION_MAX, "project.description");
    Map<String, String> labels = project.getLabelsCount() == 0 ? null : project.getLabelsMap();
    ProjectLifecycle lifecycle = state(project);
    return Fields.at(
        "project.labels", () -> new UpdateProject(id, name, description, labels, lifecycle, now));
  }

  public static ProjectId get(GetProjectRequest request) {
    Fields.require(request.hasId(), "id");
    return Ids.projectId(request.getId(), "id");
  }

  public static PageRequest list(ListProjectsRequest request) {
    Filters.none(request.getFiltersList(), "filters");
    if (request.hasSortBy()) {
      Paging.checkSort(request.getSortBy(), "sort_by");
    }
    return Paging.page(request.getLimit(), request.getToken(), "limit", "token");
  }

  private static Project requireProject(boolean present, Project project) {
    Fields.require(present, "project");
    Fields.require(project.hasId(), "project.id");
    return project;
  }

  /** Null for UNSPECIFIED: ACTIVE on create, unchanged on update. */
  private static @Nullable ProjectLifecycle state(Project project) {
    ProjectState state = Fields.known(project.getState(), project.getStateValue(), "project.state");
    return switch (state) {
      case PROJECT_STATE_ACTIVE -> ProjectLifecycle.ACTIVE;
      case PROJECT_STATE_ARCHIVED -> ProjectLifecycle.ARCHIVED;
      case PROJECT_STATE_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }
}
