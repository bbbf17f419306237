package io.aloft.adapters.postgres.eventstore;

import static io.aloft.adapters.postgres.TestCommands.NOW;

import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.CreateProject;
import io.aloft.domain.project.ProjectCreated;
import io.aloft.domain.project.ProjectLifecycle;
import io.aloft.domain.project.ProjectUpdated;
import io.aloft.domain.project.UpdateProject;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given/when/then for every write of the project aggregate, through Axon's fixture. */
class ProjectAggregateTest {

  private final ProjectId id = new ProjectId("demo");
  private final Instant later = NOW.plusSeconds(60);
  private final ProjectCreated created =
      new ProjectCreated(id, "Demo", "a project", Map.of("team", "ml"), NOW);

  private AggregateTestFixture<ProjectAggregate> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ProjectAggregate.class);
    fixture.registerCommandTargetResolver(new DomainCommandTargetResolver());
  }

  @Test
  void givenNoProject_WhenCreated_ThenProjectCreated() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateProject(id, "Demo", "a project", Map.of("team", "ml"), NOW))
        .expectEvents(created);
  }

  @Test
  void givenProject_WhenCreatedAgain_ThenAlreadyExists() {
    fixture
        .given(created)
        .when(new CreateProject(id, "Demo", "a project", Map.of("team", "ml"), later))
        .expectException(AlreadyExists.class)
        .expectNoEvents();
  }

  @Test
  void givenNoProject_WhenUpdated_ThenNotFound() {
    fixture
        .givenNoPriorActivity()
        .when(new UpdateProject(id, "New", null, null, null, later))
        .expectException(NotFound.class)
        .expectNoEvents();
  }

  @Test
  void givenProject_WhenUpdatedWithSameValues_ThenNoEvents() {
    fixture
        .given(created)
        .when(
            new UpdateProject(
                id, "Demo", "a project", Map.of("team", "ml"), ProjectLifecycle.ACTIVE, later))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void givenProject_WhenUpdatedWithNothingSet_ThenNoEvents() {
    fixture
        .given(created)
        .when(new UpdateProject(id, null, null, null, null, later))
        .expectNoEvents();
  }

  @Test
  void givenProject_WhenDescriptionChanged_ThenUpdatedCarriesEveryField() {
    fixture
        .given(created)
        .when(new UpdateProject(id, null, "better", null, null, later))
        .expectEvents(
            new ProjectUpdated(
                id, "Demo", "better", Map.of("team", "ml"), ProjectLifecycle.ACTIVE, later));
  }

  @Test
  void givenProject_WhenArchived_ThenUpdatedToArchived() {
    fixture
        .given(created)
        .when(new UpdateProject(id, null, null, null, ProjectLifecycle.ARCHIVED, later))
        .expectEvents(
            new ProjectUpdated(
                id, "Demo", "a project", Map.of("team", "ml"), ProjectLifecycle.ARCHIVED, later));
  }

  @Test
  void givenArchivedProject_WhenArchivedAgain_ThenNoEvents() {
    fixture
        .given(
            created,
            new ProjectUpdated(
                id, "Demo", "a project", Map.of("team", "ml"), ProjectLifecycle.ARCHIVED, later))
        .when(new UpdateProject(id, null, null, null, ProjectLifecycle.ARCHIVED, later))
        .expectNoEvents();
  }

  @Test
  void givenArchivedProject_WhenActivated_ThenUpdatedToActive() {
    Instant evenLater = later.plusSeconds(60);
    fixture
        .given(
            created,
            new ProjectUpdated(
                id, "Demo", "a project", Map.of("team", "ml"), ProjectLifecycle.ARCHIVED, later))
        .when(new UpdateProject(id, null, null, null, ProjectLifecycle.ACTIVE, evenLater))
        .expectEvents(
            new ProjectUpdated(
                id, "Demo", "a project", Map.of("team", "ml"), ProjectLifecycle.ACTIVE, evenLater));
  }
}
