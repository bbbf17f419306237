package io.aloft.adapters.connect.project;

import io.aloft.adapters.connect.mapping.ProjectMapper;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.application.common.Page;
import io.aloft.application.port.query.ProjectView;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.proto.project.v1.CreateProjectRequest;
import io.aloft.proto.project.v1.CreateProjectResponse;
import io.aloft.proto.project.v1.GetProjectRequest;
import io.aloft.proto.project.v1.GetProjectResponse;
import io.aloft.proto.project.v1.ListProjectsRequest;
import io.aloft.proto.project.v1.ListProjectsResponse;
import io.aloft.proto.project.v1.UpdateProjectRequest;
import io.aloft.proto.project.v1.UpdateProjectResponse;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** {@code aloft.project.v1.ProjectService} on top of {@link ProjectCatalog}. */
public final class ProjectServiceBinding {

  public static final String SERVICE = "aloft.project.v1.ProjectService";

  private final ProjectCatalog catalog;
  private final Clock clock;

  public ProjectServiceBinding(ProjectCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public ConnectService service() {
    return ConnectService.builder(SERVICE)
        .unary("CreateProject", CreateProjectRequest.getDefaultInstance(), this::createProject)
        .unary("UpdateProject", UpdateProjectRequest.getDefaultInstance(), this::updateProject)
        .unary("GetProject", GetProjectRequest.getDefaultInstance(), this::getProject)
        .unary("ListProjects", ListProjectsRequest.getDefaultInstance(), this::listProjects)
        .build();
  }

  // Mono.defer everywhere: a request that fails its checks becomes an error signal, not a throw.

  public Mono<CreateProjectResponse> createProject(
      CreateProjectRequest request, CallContext context) {
    return Mono.defer(() -> catalog.create(ProjectRequests.create(request, clock.instant())))
        .thenReturn(CreateProjectResponse.getDefaultInstance());
  }

  public Mono<UpdateProjectResponse> updateProject(
      UpdateProjectRequest request, CallContext context) {
    return Mono.defer(() -> catalog.update(ProjectRequests.update(request, clock.instant())))
        .thenReturn(UpdateProjectResponse.getDefaultInstance());
  }

  public Mono<GetProjectResponse> getProject(GetProjectRequest request, CallContext context) {
    return Mono.defer(() -> catalog.get(ProjectRequests.get(request)))
        .map(
            view ->
                GetProjectResponse.newBuilder().setProject(ProjectMapper.toProto(view)).build());
  }

  public Mono<ListProjectsResponse> listProjects(ListProjectsRequest request, CallContext context) {
    return Mono.defer(() -> catalog.list(ProjectRequests.list(request)))
        .map(ProjectServiceBinding::listResponse);
  }

  private static ListProjectsResponse listResponse(Page<ProjectView> page) {
    ListProjectsResponse.Builder response = ListProjectsResponse.newBuilder();
    page.items().forEach(view -> response.addProjects(ProjectMapper.toProto(view)));
    return response.setToken(page.nextToken()).build();
  }
}
