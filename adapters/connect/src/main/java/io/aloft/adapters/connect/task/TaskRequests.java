package io.aloft.adapters.connect.task;

import io.aloft.adapters.connect.errors.NotSupportedYet;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Filters;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Paging;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.adapters.connect.mapping.TaskSpecs;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.id.TaskName;
import io.aloft.domain.query.PageRequest;
import io.aloft.domain.task.DeployTask;
import io.aloft.proto.task.v1.DeployTaskRequest;
import io.aloft.proto.task.v1.GetTaskDetailsRequest;
import io.aloft.proto.task.v1.ListTasksRequest;
import io.aloft.proto.task.v1.ListVersionsRequest;
import java.time.Instant;

/** Checks TaskService requests and turns them into commands and queries. */
public final class TaskRequests {

  static final String TRIGGERS_NOT_SUPPORTED =
      "triggers are not supported yet; deploy the task without triggers";

  private TaskRequests() {}

  /**
   * The request's task id is authoritative (the spec's template id is not consulted). The spec is
   * stored in its deterministic serialization, and the digest is taken of those very bytes.
   */
  public static DeployTask deploy(DeployTaskRequest request, String deployedBy, Instant now) {
    Fields.require(request.hasTaskId(), "task_id");
    TaskId id = Ids.taskId(request.getTaskId(), "task_id");
    Fields.require(request.hasSpec(), "spec");
    TaskRef ref = TaskSpecs.ref(id, request.getSpec(), "spec");
    if (request.getTriggersCount() > 0) {
      throw NotSupportedYet.error(TRIGGERS_NOT_SUPPORTED);
    }
    byte[] spec = ProtoBytes.deterministic(request.getSpec());
    return new DeployTask(
        id,
        ref.taskType(),
        ref.shortName(),
        ref.environment(),
        spec,
        TaskSpecs.digest(spec),
        deployedBy,
        now);
  }

  public static TaskId get(GetTaskDetailsRequest request) {
    Fields.require(request.hasTaskId(), "task_id");
    return Ids.taskId(request.getTaskId(), "task_id");
  }

  /** ListTasks: the latest version of each task whose name contains the NAME filter's text. */
  public record ListTasks(ProjectDomain scope, String nameContains, PageRequest page) {}

  public static ListTasks list(ListTasksRequest request) {
    Fields.require(request.hasProjectId(), "project_id");
    ProjectDomain scope = Ids.scope(request.getProjectId(), "project_id");
    rejectKnownFilters(request);
    String nameContains =
        Filters.nameContains(request.getRequest().getFiltersList(), "request.filters");
    return new ListTasks(scope, nameContains, Paging.page(request.getRequest(), "request"));
  }

  /** Neither known filter is backed by the task read model yet. */
  private static void rejectKnownFilters(ListTasksRequest request) {
    if (request.getKnownFiltersCount() == 0) {
      return;
    }
    String field =
        switch (request.getKnownFilters(0).getFilterByCase()) {
          case DEPLOYED_BY -> ".deployed_by";
          case IS_ENTRYPOINT -> ".is_entrypoint";
          case FILTERBY_NOT_SET -> "";
        };
    throw new InvalidArgument(
        "known_filters[0]" + field + " is not supported yet; send no known_filters");
  }

  /** ListVersions: every version of one task. */
  public record ListVersions(TaskName task, PageRequest page) {}

  public static ListVersions versions(ListVersionsRequest request) {
    Fields.require(request.hasTaskName(), "task_name");
    TaskName task = Ids.taskName(request.getTaskName(), "task_name");
    Filters.none(request.getRequest().getFiltersList(), "request.filters");
    return new ListVersions(task, Paging.page(request.getRequest(), "request"));
  }
}
