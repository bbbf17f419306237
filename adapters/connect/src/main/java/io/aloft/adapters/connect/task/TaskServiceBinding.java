package io.aloft.adapters.connect.task;

import io.aloft.adapters.connect.mapping.Caller;
import io.aloft.adapters.connect.mapping.TaskMapper;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.application.common.Page;
import io.aloft.application.port.query.TaskView;
import io.aloft.application.task.TaskCatalog;
import io.aloft.proto.task.v1.DeployTaskRequest;
import io.aloft.proto.task.v1.DeployTaskResponse;
import io.aloft.proto.task.v1.GetTaskDetailsRequest;
import io.aloft.proto.task.v1.GetTaskDetailsResponse;
import io.aloft.proto.task.v1.ListTasksRequest;
import io.aloft.proto.task.v1.ListTasksResponse;
import io.aloft.proto.task.v1.ListVersionsRequest;
import io.aloft.proto.task.v1.ListVersionsResponse;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** {@code aloft.task.v1.TaskService} on top of {@link TaskCatalog}. */
public final class TaskServiceBinding {

  public static final String SERVICE = "aloft.task.v1.TaskService";

  private final TaskCatalog catalog;
  private final Clock clock;

  public TaskServiceBinding(TaskCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public ConnectService service() {
    return ConnectService.builder(SERVICE)
        .unary("DeployTask", DeployTaskRequest.getDefaultInstance(), this::deployTask)
        .unary("GetTaskDetails", GetTaskDetailsRequest.getDefaultInstance(), this::getTaskDetails)
        .unary("ListTasks", ListTasksRequest.getDefaultInstance(), this::listTasks)
        .unary("ListVersions", ListVersionsRequest.getDefaultInstance(), this::listVersions)
        .build();
  }

  public Mono<DeployTaskResponse> deployTask(DeployTaskRequest request, CallContext context) {
    return Mono.defer(
            () ->
                catalog.deploy(
                    TaskRequests.deploy(request, Caller.identity(context), clock.instant())))
        .thenReturn(DeployTaskResponse.getDefaultInstance());
  }

  public Mono<GetTaskDetailsResponse> getTaskDetails(
      GetTaskDetailsRequest request, CallContext context) {
    return Mono.defer(() -> catalog.get(TaskRequests.get(request)))
        .map(
            view ->
                GetTaskDetailsResponse.newBuilder().setDetails(TaskMapper.details(view)).build());
  }

  public Mono<ListTasksResponse> listTasks(ListTasksRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              TaskRequests.ListTasks list = TaskRequests.list(request);
              return catalog.list(list.scope(), list.nameContains(), list.page());
            })
        .map(TaskServiceBinding::tasksResponse);
  }

  public Mono<ListVersionsResponse> listVersions(ListVersionsRequest request, CallContext context) {
    return Mono.defer(
            () -> {
              TaskRequests.ListVersions list = TaskRequests.versions(request);
              return catalog.versions(list.task(), list.page());
            })
        .map(TaskServiceBinding::versionsResponse);
  }

  private static ListTasksResponse tasksResponse(Page<TaskView> page) {
    ListTasksResponse.Builder response = ListTasksResponse.newBuilder();
    page.items().forEach(view -> response.addTasks(TaskMapper.summary(view)));
    return response.setToken(page.nextToken()).build();
  }

  private static ListVersionsResponse versionsResponse(Page<TaskView> page) {
    ListVersionsResponse.Builder response = ListVersionsResponse.newBuilder();
    page.items().forEach(view -> response.addVersions(TaskMapper.version(view)));
    return response.setToken(page.nextToken()).build();
  }
}
