package io.aloft.adapters.connect.run;

import io.aloft.adapters.connect.errors.NotSupportedYet;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.AsOf;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.run.v1.ListRunsRequest;
import io.aloft.proto.run.v1.WatchRunsRequest;
import org.jspecify.annotations.Nullable;

/** Checks shared by several RunService requests. */
public final class RunRequests {

  private RunRequests() {}

  /** A point-in-time read's point: a global position (not negative) or a time, inclusive. */
  static AsOf asOf(io.aloft.proto.core.v1.AsOf asOf, String path) {
    return switch (asOf.getPointCase()) {
      case POSITION -> new AsOf.Position(asOf.getPosition());
      case TIME -> new AsOf.Time(Timestamps.fromProto(asOf.getTime(), path + ".time"));
      case POINT_NOT_SET ->
          throw new InvalidArgument(
              path + " must set position or time; leave " + path + " out for the current state");
    };
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
