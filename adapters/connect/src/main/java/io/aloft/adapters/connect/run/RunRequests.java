package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.errors.NotSupportedYet;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.run.v1.ListRunsRequest;
import io.aloft.proto.run.v1.WatchRunsRequest;
import org.jspecify.annotations.Nullable;

/** Checks shared by several RunService requests. */
public final class RunRequests {

  static final String AS_OF_NOT_SUPPORTED = "as_of (time travel) is not supported yet";

  private RunRequests() {}

  static void rejectAsOf(boolean present) {
    if (present) {
      throw NotSupportedYet.error(AS_OF_NOT_SUPPORTED);
    }
  }

  /** ListRuns scopes other than a project and domain have no query behind them yet. */
  static ProjectDomain listScope(ListRunsRequest request) {
    return switch (request.getScopeCase()) {
      case PROJECT_ID -> Ids.scope(request.getProjectId(), "project_id");
      case TRIGGER_NAME -> throw scopeNotSupported("trigger_name");
      case TASK_NAME -> throw scopeNotSupported("task_name");
      case TASK_ID -> throw scopeNotSupported("task_id");
      case SCOPE_NOT_SET -> throw Fields.missing("project_id");
    };
  }

  private static RuntimeException scopeNotSupported(String field) {
    return NotSupportedYet.error(
        "listing runs by " + field + " is not supported yet; list by project_id");
  }

  /** The runs a WatchRuns call follows: all of a project and domain, or those of a task version. */
  record WatchTarget(ProjectDomain scope, @Nullable TaskId task) {

    boolean matches(ActionView run) {
      return task == null || (run.task() != null && task.equals(run.task().id()));
    }
  }

  static WatchTarget watchTarget(WatchRunsRequest request) {
    return switch (request.getTargetCase()) {
      case PROJECT_ID -> new WatchTarget(Ids.scope(request.getProjectId(), "project_id"), null);
      case TASK_ID -> {
        TaskId task = Ids.taskId(request.getTaskId(), "task_id");
        yield new WatchTarget(task.scope(), task);
      }
      case TARGET_NOT_SET -> throw Fields.missing("project_id or task_id");
    };
  }
}
