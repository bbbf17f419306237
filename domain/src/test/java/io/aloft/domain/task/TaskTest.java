package io.aloft.domain.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.testing.DecideFixture;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskTest {

  private static final TaskId ID = TaskId.of("p", "d", "wf.train", "v1");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final DecideFixture<TaskCommand, TaskEvent, TaskState> fixture =
      DecideFixture.of(Task::decide, Task::evolve);

  private static DeployTask deploy(String digest) {
    return new DeployTask(ID, "python", "train", null, new byte[] {7}, digest, "alice", T0);
  }

  private static TaskDeployed deployed(String digest) {
    return new TaskDeployed(ID, "python", "train", null, new byte[] {7}, digest, "alice", T0);
  }

  @Test
  void givenNoTask_WhenDeploy_ThenDeployed() {
    var state = fixture.given().when(deploy("sha-1")).thenEvents(deployed("sha-1"));

    assertThat(state)
        .isEqualTo(new TaskState(ID, "python", "train", null, "sha-1", new byte[] {7}, T0));
    assertThat(state.spec()).containsExactly(7);
  }

  @Test
  void givenDeployed_WhenSameDigestAgain_ThenNoEvents() {
    fixture.given(deployed("sha-1")).when(deploy("sha-1")).thenNoEvents();
  }

  @Test
  void givenDeployed_WhenDifferentDigest_ThenAlreadyExistsAdvisesNewVersion() {
    fixture
        .given(deployed("sha-1"))
        .when(deploy("sha-2"))
        .thenThrows(AlreadyExists.class)
        .hasMessage(
            "task p/d/wf.train version v1 already exists with a different spec; deploy it under a"
                + " new version");
  }

  @Test
  void givenBlankTaskType_WhenDeploy_ThenInvalidArgument() {
    assertThatThrownBy(() -> new DeployTask(ID, " ", "t", null, new byte[0], "d", null, T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("task type is required");
  }

  @Test
  void givenTooLongTaskType_WhenDeploy_ThenInvalidArgument() {
    assertThatThrownBy(
            () -> new DeployTask(ID, "x".repeat(64), "t", null, new byte[0], "d", null, T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("task type is too long (64 characters): use at most 63");
  }

  @Test
  void givenBlankDigest_WhenDeploy_ThenInvalidArgument() {
    assertThatThrownBy(() -> new DeployTask(ID, "python", "t", null, new byte[0], "", null, T0))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("task spec digest is required");
  }

  @Test
  void givenDeployed_WhenEvolvedAgain_ThenIllegalState() {
    var state = Task.evolve(null, deployed("sha-1"));

    assertThatThrownBy(() -> Task.evolve(state, deployed("sha-1")))
        .isInstanceOf(IllegalStateException.class);
  }
}
