package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static io.aloft.adapters.connect.Rejections.assertInvalidStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.id.TaskName;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.ProjectDomainIdentifier;
import io.aloft.proto.core.v1.ProjectIdentifier;
import io.aloft.proto.core.v1.RunIdentifier;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void givenDomainIds_WhenMappedToProtoAndBack_ThenEqual() {
    ProjectId project = new ProjectId("flytesnacks");
    ProjectDomain scope = ProjectDomain.of("flytesnacks", "development");
    TaskId task = TestData.TASK;
    TaskName taskName = task.taskName();
    RunId run = RunId.of("flytesnacks", "development", "r1");
    ActionId action = new ActionId(run, "a1");

    assertThat(Ids.projectId(Ids.toProto(project), "id")).isEqualTo(project);
    assertThat(Ids.scope(Ids.toProto(scope), "project_id")).isEqualTo(scope);
    assertThat(Ids.taskId(Ids.toProto(task), "task_id")).isEqualTo(task);
    assertThat(Ids.taskName(Ids.toProto(taskName), "task_name")).isEqualTo(taskName);
    assertThat(Ids.runId(Ids.toProto(run), "run_id")).isEqualTo(run);
    assertThat(Ids.actionId(Ids.toProto(action), "action_id")).isEqualTo(action);
  }

  @Test
  void givenMissingParts_WhenMapped_ThenTheFieldPathIsRequired() {
    assertInvalid(
        () -> Ids.projectId(ProjectIdentifier.getDefaultInstance(), "id"), "id.name is required");
    assertInvalid(
        () -> Ids.runId(TestData.runId("r1").toBuilder().clearProject().build(), "run_id"),
        "run_id.project is required");
    assertInvalid(
        () -> Ids.scope(ProjectDomainIdentifier.newBuilder().setProject("p").build(), "project_id"),
        "project_id.domain is required");
    assertInvalid(() -> Ids.taskId(TestData.taskId(""), "task_id"), "task_id.version is required");
    assertInvalid(
        () -> Ids.actionId(ActionIdentifier.newBuilder().setName("a1").build(), "action_id"),
        "action_id.run is required");
    assertInvalid(
        () -> Ids.actionId(TestData.actionId("r1", " "), "action_id"),
        "action_id.name is required");
  }

  @Test
  void givenBadFormats_WhenMapped_ThenTheDomainRuleIsPrefixedWithThePath() {
    assertInvalidStart(
        () -> Ids.runId(TestData.runId("Bad_Run"), "run_id"),
        "run_id.name: run name 'Bad_Run' is invalid");
    assertInvalidStart(
        () -> Ids.runId(TestData.runId("r" + "x".repeat(30)), "run_id"),
        "run_id.name: run name 'r");
    assertInvalidStart(
        () -> Ids.runId(TestData.runId("1abc"), "run_id"), "run_id.name: run name '1abc'");
    assertInvalidStart(
        () ->
            Ids.runId(
                RunIdentifier.newBuilder()
                    .setProject("Flyte Snacks")
                    .setDomain("development")
                    .setName("r1")
                    .build(),
                "run_id"),
        "run_id.project: project 'Flyte Snacks' is invalid");
    assertInvalidStart(
        () -> Ids.taskId(TestData.taskId("v 1"), "task_id"),
        "task_id.version: task version 'v 1' is invalid");
  }

  @Test
  void givenAHugeValue_WhenMapped_ThenRejectedAsTooLongWithoutEchoingIt() {
    assertInvalidStart(
        () -> Ids.runId(TestData.runId("r".repeat(5000)), "run_id"),
        "run_id.name is too long (5000 characters)");
  }
}
