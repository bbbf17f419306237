package io.aloft.adapters.connect.task;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static io.aloft.adapters.connect.Rejections.assertUnimplemented;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.adapters.connect.mapping.TaskSpecs;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.query.PageRequest;
import io.aloft.domain.task.DeployTask;
import io.aloft.proto.core.v1.Filter;
import io.aloft.proto.core.v1.ListRequest;
import io.aloft.proto.core.v1.ProjectDomainIdentifier;
import io.aloft.proto.task.v1.DeployTaskRequest;
import io.aloft.proto.task.v1.GetTaskDetailsRequest;
import io.aloft.proto.task.v1.ListTasksRequest;
import io.aloft.proto.task.v1.ListVersionsRequest;
import io.aloft.proto.task.v1.TaskSpec;
import io.aloft.proto.task.v1.TaskTrigger;
import org.junit.jupiter.api.Test;

class TaskRequestsTest {

  private static final DeployTaskRequest DEPLOY =
      DeployTaskRequest.newBuilder()
          .setTaskId(TestData.taskId("v2"))
          .setSpec(TestData.spec("python"))
          .build();

  @Test
  void givenAValidDeploy_WhenMapped_ThenTheRequestIdWinsAndTheDigestCoversTheStoredBytes() {
    DeployTask command = TaskRequests.deploy(DEPLOY, "alice", TestData.T0);

    // The spec's template id says v1; the request's task id (v2) is authoritative.
    assertThat(command.id().version()).isEqualTo("v2");
    assertThat(command.taskType()).isEqualTo("python");
    assertThat(command.shortName()).isEqualTo("train");
    assertThat(command.environment()).isNull();
    assertThat(command.deployedBy()).isEqualTo("alice");
    assertThat(command.spec()).isEqualTo(ProtoBytes.deterministic(TestData.spec("python")));
    assertThat(command.specDigest()).isEqualTo(TaskSpecs.digest(command.spec()));
    assertThat(TaskSpecs.digest(TaskRequests.deploy(DEPLOY, "bob", TestData.T0).spec()))
        .isEqualTo(command.specDigest());
  }

  @Test
  void givenIncompleteDeploys_WhenMapped_ThenTheFieldPathIsRequired() {
    assertInvalid(
        () -> TaskRequests.deploy(DEPLOY.toBuilder().clearTaskId().build(), "a", TestData.T0),
        "task_id is required");
    assertInvalid(
        () ->
            TaskRequests.deploy(
                DEPLOY.toBuilder().setTaskId(TestData.taskId("")).build(), "a", TestData.T0),
        "task_id.version is required");
    assertInvalid(
        () -> TaskRequests.deploy(DEPLOY.toBuilder().clearSpec().build(), "a", TestData.T0),
        "spec is required");
    assertInvalid(
        () ->
            TaskRequests.deploy(
                DEPLOY.toBuilder().setSpec(TaskSpec.getDefaultInstance()).build(),
                "a",
                TestData.T0),
        "spec.task_template is required");
    assertInvalid(
        () ->
            TaskRequests.deploy(
                DEPLOY.toBuilder().setSpec(TestData.spec("")).build(), "a", TestData.T0),
        "spec.task_template.type is required");
  }

  @Test
  void givenTriggers_WhenDeployed_ThenUnimplemented() {
    DeployTaskRequest withTrigger =
        DEPLOY.toBuilder().addTriggers(TaskTrigger.newBuilder().setName("hourly")).build();

    assertUnimplemented(
        () -> TaskRequests.deploy(withTrigger, "a", TestData.T0),
        "triggers are not supported yet; deploy the task without triggers");
  }

  @Test
  void givenReadRequests_WhenMapped_ThenIdsPagesAndFiltersAreChecked() {
    assertThat(
            TaskRequests.get(
                GetTaskDetailsRequest.newBuilder().setTaskId(TestData.taskId("v1")).build()))
        .isEqualTo(TestData.TASK);
    assertInvalid(
        () -> TaskRequests.get(GetTaskDetailsRequest.getDefaultInstance()), "task_id is required");

    var list = TaskRequests.list(listTasks().build());
    assertThat(list)
        .isEqualTo(
            new TaskRequests.ListTasks(
                ProjectDomain.of("flytesnacks", "development"), "tr", new PageRequest(50, 0)));
    assertInvalid(
        () -> TaskRequests.list(listTasks().clearProjectId().build()), "project_id is required");
    assertInvalid(
        () ->
            TaskRequests.list(
                listTasks()
                    .addKnownFilters(ListTasksRequest.KnownFilter.newBuilder().setDeployedBy("x"))
                    .build()),
        "known_filters[0].deployed_by is not supported yet; send no known_filters");

    var versions =
        ListVersionsRequest.newBuilder().setTaskName(Ids.toProto(TestData.TASK.taskName()));
    assertThat(TaskRequests.versions(versions.build()).task()).isEqualTo(TestData.TASK.taskName());
    assertInvalid(
        () -> TaskRequests.versions(ListVersionsRequest.getDefaultInstance()),
        "task_name is required");
    assertInvalid(
        () ->
            TaskRequests.versions(
                versions.setRequest(ListRequest.newBuilder().addFilters(nameFilter())).build()),
        "request.filters is not supported by this list yet; send no filters");
  }

  private static ListTasksRequest.Builder listTasks() {
    return ListTasksRequest.newBuilder()
        .setProjectId(
            ProjectDomainIdentifier.newBuilder().setProject("flytesnacks").setDomain("development"))
        .setRequest(ListRequest.newBuilder().addFilters(nameFilter()));
  }

  private static Filter nameFilter() {
    return Filter.newBuilder()
        .setField("NAME")
        .setFunction(Filter.Function.FUNCTION_CONTAINS_CASE_INSENSITIVE)
        .addValues("tr")
        .build();
  }
}
