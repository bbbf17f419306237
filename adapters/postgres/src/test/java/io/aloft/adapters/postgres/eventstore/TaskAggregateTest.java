package io.aloft.adapters.postgres.eventstore;

import static io.aloft.adapters.postgres.TestCommands.NOW;

import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.task.DeployTask;
import io.aloft.domain.task.TaskDeployed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given/when/then for the task aggregate's only write, deploy, through Axon's fixture. */
class TaskAggregateTest {

  private final TaskId id = TaskId.of("proj", "development", "my.module.task", "v1");
  private final DeployTask deploy =
      new DeployTask(id, "python", "task", "env", new byte[] {1, 2}, "d1", "alice", NOW);
  private final TaskDeployed deployed =
      new TaskDeployed(id, "python", "task", "env", new byte[] {1, 2}, "d1", "alice", NOW);

  private AggregateTestFixture<TaskAggregate> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(TaskAggregate.class);
    fixture.registerCommandTargetResolver(new DomainCommandTargetResolver());
  }

  @Test
  void givenNoTaskVersion_WhenDeployed_ThenTaskDeployed() {
    fixture.givenNoPriorActivity().when(deploy).expectEvents(deployed);
  }

  @Test
  void givenDeployedVersion_WhenSameDigestDeployedAgain_ThenNoEvents() {
    fixture
        .given(deployed)
        .when(
            new DeployTask(
                id, "python", "task", "env", new byte[] {1, 2}, "d1", "bob", NOW.plusSeconds(5)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void givenDeployedVersion_WhenDifferentDigestDeployed_ThenAlreadyExists() {
    fixture
        .given(deployed)
        .when(new DeployTask(id, "python", "task", "env", new byte[] {3}, "d2", "bob", NOW))
        .expectException(AlreadyExists.class)
        .expectNoEvents();
  }

  @Test
  void givenDeployedVersion_WhenAnotherVersionDeployed_ThenOwnStreamAndDeployed() {
    TaskId v2 = id.taskName().withVersion("v2");
    DeployTask deployV2 =
        new DeployTask(v2, "python", "task", null, new byte[] {3}, "d2", null, NOW);
    fixture
        .givenNoPriorActivity()
        .when(deployV2)
        .expectEvents(
            new TaskDeployed(v2, "python", "task", null, new byte[] {3}, "d2", null, NOW));
  }
}
