package io.aloft.adapters.connect.project;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static io.aloft.adapters.connect.Rejections.assertInvalidStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.CreateProject;
import io.aloft.domain.project.ProjectLifecycle;
import io.aloft.domain.project.UpdateProject;
import io.aloft.domain.query.PageRequest;
import io.aloft.proto.core.v1.Filter;
import io.aloft.proto.core.v1.ProjectIdentifier;
import io.aloft.proto.project.v1.CreateProjectRequest;
import io.aloft.proto.project.v1.GetProjectRequest;
import io.aloft.proto.project.v1.ListProjectsRequest;
import io.aloft.proto.project.v1.Project;
import io.aloft.proto.project.v1.ProjectState;
import io.aloft.proto.project.v1.UpdateProjectRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectRequestsTest {

  private static final Project PROJECT =
      Project.newBuilder()
          .setId(ProjectIdentifier.newBuilder().setName("flytesnacks"))
          .setName("Flyte Snacks")
          .setDescription("examples")
          .putLabels("team", "ml")
          .build();

  @Test
  void givenAFullProject_WhenCreated_ThenTheCommandCarriesEveryField() {
    CreateProject command = ProjectRequests.create(create(PROJECT), TestData.T0);

    assertThat(command)
        .isEqualTo(
            new CreateProject(
                new ProjectId("flytesnacks"),
                "Flyte Snacks",
                "examples",
                Map.of("team", "ml"),
                TestData.T0));
  }

  @Test
  void givenMissingParts_WhenCreated_ThenTheFieldPathIsRequired() {
    assertInvalid(
        () -> ProjectRequests.create(CreateProjectRequest.getDefaultInstance(), TestData.T0),
        "project is required");
    assertInvalid(
        () -> ProjectRequests.create(create(PROJECT.toBuilder().clearId().build()), TestData.T0),
        "project.id is required");
    assertInvalid(
        () ->
            ProjectRequests.create(
                create(PROJECT.toBuilder().setId(ProjectIdentifier.getDefaultInstance()).build()),
                TestData.T0),
        "project.id.name is required");
  }

  @Test
  void givenBadValues_WhenCreated_ThenEachRuleNamesItsField() {
    assertInvalidStart(
        () -> ProjectRequests.create(create(withName("Not_A_Label")), TestData.T0),
        "project.id.name: project 'Not_A_Label' is invalid");
    assertInvalid(
        () ->
            ProjectRequests.create(
                create(PROJECT.toBuilder().setName("n".repeat(65)).build()), TestData.T0),
        "project.name is too long (65 characters); use at most 64");
    assertInvalid(
        () ->
            ProjectRequests.create(
                create(PROJECT.toBuilder().setDescription("d".repeat(301)).build()), TestData.T0),
        "project.description is too long (301 characters); use at most 300");
    assertInvalidStart(
        () ->
            ProjectRequests.create(
                create(PROJECT.toBuilder().putLabels("k".repeat(64), "v").build()), TestData.T0),
        "project.labels: project label key");
    assertInvalid(
        () ->
            ProjectRequests.create(
                create(PROJECT.toBuilder().setState(ProjectState.PROJECT_STATE_ARCHIVED).build()),
                TestData.T0),
        "project.state cannot be ARCHIVED on create; create the project, then archive it with"
            + " UpdateProject");
    assertInvalid(
        () ->
            ProjectRequests.create(
                create(PROJECT.toBuilder().setStateValue(7).build()), TestData.T0),
        "project.state has the unknown value 7");
  }

  @Test
  void givenOnlyAnArchiveState_WhenUpdated_ThenEverythingElseIsKept() {
    Project archive =
        Project.newBuilder()
            .setId(PROJECT.getId())
            .setState(ProjectState.PROJECT_STATE_ARCHIVED)
            .build();

    UpdateProject command =
        ProjectRequests.update(
            UpdateProjectRequest.newBuilder().setProject(archive).build(), TestData.T0);

    assertThat(command)
        .isEqualTo(
            new UpdateProject(
                new ProjectId("flytesnacks"),
                null,
                null,
                null,
                ProjectLifecycle.ARCHIVED,
                TestData.T0));
  }

  @Test
  void givenNewValues_WhenUpdated_ThenTheyAreSetAndStateIsKept() {
    UpdateProject command =
        ProjectRequests.update(
            UpdateProjectRequest.newBuilder().setProject(PROJECT).build(), TestData.T0);

    assertThat(command.displayName()).isEqualTo("Flyte Snacks");
    assertThat(command.labels()).containsExactly(Map.entry("team", "ml"));
    assertThat(command.lifecycle()).isNull();
    assertInvalid(
        () -> ProjectRequests.update(UpdateProjectRequest.getDefaultInstance(), TestData.T0),
        "project is required");
  }

  @Test
  void givenGetAndListRequests_WhenChecked_ThenIdRequiredAndNoFilters() {
    assertThat(ProjectRequests.get(GetProjectRequest.newBuilder().setId(PROJECT.getId()).build()))
        .isEqualTo(new ProjectId("flytesnacks"));
    assertInvalid(
        () -> ProjectRequests.get(GetProjectRequest.getDefaultInstance()), "id is required");
    assertThat(
            ProjectRequests.list(
                ListProjectsRequest.newBuilder().setLimit(10).setToken("20").build()))
        .isEqualTo(new PageRequest(10, 20));
    assertInvalid(
        () -> ProjectRequests.list(ListProjectsRequest.newBuilder().setLimit(500).build()),
        "limit must be at most 200 (got 500)");
    assertInvalid(
        () ->
            ProjectRequests.list(
                ListProjectsRequest.newBuilder()
                    .addFilters(Filter.newBuilder().setField("state"))
                    .build()),
        "filters is not supported by this list yet; send no filters");
  }

  private static CreateProjectRequest create(Project project) {
    return CreateProjectRequest.newBuilder().setProject(project).build();
  }

  private static Project withName(String name) {
    return PROJECT.toBuilder().setId(ProjectIdentifier.newBuilder().setName(name)).build();
  }
}
