package io.aloft.adapters.connect.mapping;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.Domain;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.id.TaskName;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.ProjectDomainIdentifier;
import io.aloft.proto.core.v1.ProjectIdentifier;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.core.v1.TaskIdentifier;

/**
 * Identifiers between proto and domain. Going in, each part is checked for presence under its own
 * field path, then the domain records check formats (DNS labels, run name length) and their
 * messages are prefixed with the path.
 *
 * <p>{@code path} is the path of the identifier message in the request, e.g. {@code run_id}.
 */
public final class Ids {

  /** Domain records apply the real limits; this only bounds what we echo back in messages. */
  private static final int ECHO_MAX = 1024;

  private Ids() {}

  public static ProjectId projectId(ProjectIdentifier id, String path) {
    return projectName(id.getName(), path + ".name");
  }

  public static ProjectDomain scope(ProjectDomainIdentifier id, String path) {
    return scope(id.getProject(), id.getDomain(), path);
  }

  public static TaskId taskId(TaskIdentifier id, String path) {
    ProjectDomain scope = scope(id.getProject(), id.getDomain(), path);
    String name = Fields.required(id.getName(), ECHO_MAX, path + ".name");
    String version = Fields.required(id.getVersion(), ECHO_MAX, path + ".version");
    Fields.at(path + ".name", () -> new TaskName(scope, name));
    return Fields.at(path + ".version", () -> new TaskId(scope, name, version));
  }

  public static TaskName taskName(io.aloft.proto.core.v1.TaskName id, String path) {
    ProjectDomain scope = scope(id.getProject(), id.getDomain(), path);
    String name = Fields.required(id.getName(), ECHO_MAX, path + ".name");
    return Fields.at(path + ".name", () -> new TaskName(scope, name));
  }

  public static RunId runId(RunIdentifier id, String path) {
    ProjectDomain scope = scope(id.getProject(), id.getDomain(), path);
    return runName(scope, id.getName(), path + ".name");
  }

  /** A run name within a scope that was checked already. */
  public static RunId runName(ProjectDomain scope, String name, String path) {
    String checked = Fields.required(name, ECHO_MAX, path);
    return Fields.at(path, () -> new RunId(scope, checked));
  }

  public static ActionId actionId(ActionIdentifier id, String path) {
    Fields.require(id.hasRun(), path + ".run");
    RunId run = runId(id.getRun(), path + ".run");
    return actionName(run, id.getName(), path + ".name");
  }

  /** An action name within a run that was checked already. */
  public static ActionId actionName(RunId run, String name, String path) {
    String checked = Fields.required(name, ECHO_MAX, path);
    return Fields.at(path, () -> new ActionId(run, checked));
  }

  /** A project and domain given as text (e.g. query parameters), checked like the messages'. */
  public static ProjectDomain scope(String project, String domain, String path) {
    ProjectId projectId = projectName(project, path + ".project");
    String domainName = Fields.required(domain, ECHO_MAX, path + ".domain");
    return new ProjectDomain(projectId, Fields.at(path + ".domain", () -> new Domain(domainName)));
  }

  private static ProjectId projectName(String name, String path) {
    String checked = Fields.required(name, ECHO_MAX, path);
    return Fields.at(path, () -> new ProjectId(checked));
  }

  public static ProjectIdentifier toProto(ProjectId id) {
    return ProjectIdentifier.newBuilder().setName(id.name()).build();
  }

  public static ProjectDomainIdentifier toProto(ProjectDomain scope) {
    return ProjectDomainIdentifier.newBuilder()
        .setProject(scope.project().name())
        .setDomain(scope.domain().name())
        .build();
  }

  public static TaskIdentifier toProto(TaskId id) {
    return TaskIdentifier.newBuilder()
        .setProject(id.scope().project().name())
        .setDomain(id.scope().domain().name())
        .setName(id.name())
        .setVersion(id.version())
        .build();
  }

  public static io.aloft.proto.core.v1.TaskName toProto(TaskName name) {
    return io.aloft.proto.core.v1.TaskName.newBuilder()
        .setProject(name.scope().project().name())
        .setDomain(name.scope().domain().name())
        .setName(name.name())
        .build();
  }

  public static RunIdentifier toProto(RunId id) {
    return RunIdentifier.newBuilder()
        .setProject(id.scope().project().name())
        .setDomain(id.scope().domain().name())
        .setName(id.name())
        .build();
  }

  public static ActionIdentifier toProto(ActionId id) {
    return ActionIdentifier.newBuilder().setRun(toProto(id.run())).setName(id.name()).build();
  }
}
