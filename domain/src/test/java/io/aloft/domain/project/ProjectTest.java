package io.aloft.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.testing.DecideFixture;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectTest {

  private static final ProjectId ID = new ProjectId("flytesnacks");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final ProjectCreated CREATED =
      new ProjectCreated(ID, "Flyte Snacks", "examples", Map.of("team", "ml"), T0);

  private final DecideFixture<ProjectCommand, ProjectEvent, ProjectState> fixture =
      DecideFixture.of(Project::decide, Project::evolve);

  private static UpdateProject update(
      String displayName, String description, Map<String, String> labels, ProjectLifecycle l) {
    return new UpdateProject(ID, displayName, description, labels, l, T1);
  }

  @Test
  void givenNoProject_WhenCreate_ThenCreatedAndActive() {
    var state =
        fixture
            .given()
            .when(new CreateProject(ID, "Flyte Snacks", "examples", Map.of("team", "ml"), T0))
            .thenEvents(CREATED);

    assertThat(state)
        .isEqualTo(
            new ProjectState(
                ID, "Flyte Snacks", "examples", Map.of("team", "ml"), ProjectLifecycle.ACTIVE));
  }

  @Test
  void givenProject_WhenCreateAgain_ThenAlreadyExists() {
    fixture
        .given(CREATED)
        .when(new CreateProject(ID, "", "", Map.of(), T1))
        .thenThrows(AlreadyExists.class)
        .hasMessageStartingWith("project 'flytesnacks' already exists");
  }

  @Test
  void givenNoProject_WhenUpdate_ThenNotFound() {
    fixture
        .given()
        .when(update("x", null, null, null))
        .thenThrows(NotFound.class)
        .hasMessage("project 'flytesnacks' does not exist; create it first");
  }

  @Test
  void givenProject_WhenUpdateChangesNothing_ThenNoEvents() {
    fixture.given(CREATED).when(update(null, null, null, null)).thenNoEvents();
    fixture
        .given(CREATED)
        .when(update("Flyte Snacks", "examples", Map.of("team", "ml"), ProjectLifecycle.ACTIVE))
        .thenNoEvents();
  }

  @Test
  void givenProject_WhenUpdateDisplayName_ThenUpdatedKeepsOtherFields() {
    fixture
        .given(CREATED)
        .when(update("Snacks", null, null, null))
        .thenEvents(
            new ProjectUpdated(
                ID, "Snacks", "examples", Map.of("team", "ml"), ProjectLifecycle.ACTIVE, T1));
  }

  @Test
  void givenProject_WhenArchivedAndLabelsCleared_ThenStateFollows() {
    var state =
        fixture
            .given(CREATED)
            .when(update(null, null, Map.of(), ProjectLifecycle.ARCHIVED))
            .thenEvents(
                new ProjectUpdated(
                    ID, "Flyte Snacks", "examples", Map.of(), ProjectLifecycle.ARCHIVED, T1));

    assertThat(state.lifecycle()).isEqualTo(ProjectLifecycle.ARCHIVED);
    assertThat(state.labels()).isEmpty();
  }

  @Test
  void givenTooLongDisplayName_WhenCreate_ThenInvalidArgument() {
    assertThatThrownBy(() -> new CreateProject(ID, "x".repeat(65), "", Map.of(), T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("project display name is too long (65 characters): use at most 64");
  }

  @Test
  void givenTooLongDescription_WhenUpdate_ThenInvalidArgument() {
    assertThatThrownBy(() -> update(null, "x".repeat(301), null, null))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("use at most 300");
  }

  @Test
  void givenTooManyLabels_WhenCreate_ThenInvalidArgument() {
    var labels = new HashMap<String, String>();
    for (int i = 0; i < 65; i++) {
      labels.put("k" + i, "v");
    }

    assertThatThrownBy(() -> new CreateProject(ID, "", "", labels, T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("project has 65 labels; use at most 64");
  }

  @Test
  void givenBadLabel_WhenCreate_ThenInvalidArgumentNamesIt() {
    assertThatThrownBy(() -> new CreateProject(ID, "", "", Map.of("k".repeat(64), "v"), T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("use at most 63");
    assertThatThrownBy(() -> new CreateProject(ID, "", "", Map.of("team", "v".repeat(64)), T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("value of project label 'team' is too long");
    assertThatThrownBy(() -> new CreateProject(ID, "", "", Map.of(" ", "v"), T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("project label key is required");
  }

  @Test
  void givenLabels_WhenCreate_ThenSortedUnmodifiableCopy() {
    var labels = new HashMap<>(Map.of("b", "2", "a", "1", "c", "3"));
    var command = new CreateProject(ID, "", "", labels, T0);
    labels.clear();

    assertThat(command.labels().keySet()).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> command.labels().put("d", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
