package io.aloft.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskIdTest {

  @Test
  void givenDottedPythonName_WhenCreated_ThenKeyHasAllParts() {
    var id = TaskId.of("p", "d", "my.module.task", "v1.2-3_a");

    assertThat(id.key()).isEqualTo("p/d/my.module.task/v1.2-3_a");
    assertThat(id.taskName()).isEqualTo(TaskName.of("p", "d", "my.module.task"));
    assertThat(id.taskName().key()).isEqualTo("p/d/my.module.task");
    assertThat(id.taskName().withVersion("v1.2-3_a")).isEqualTo(id);
  }

  @Test
  void givenLimits_WhenCreated_ThenMaxLengthsAccepted() {
    var id = TaskId.of("p", "d", "T".repeat(255), "9".repeat(128));

    assertThat(id.name()).hasSize(255);
    assertThat(id.version()).hasSize(128);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my task", "a/b", "tâche", "a:b"})
  void givenInvalidName_WhenCreated_ThenInvalidArgument(String name) {
    assertThatThrownBy(() -> TaskId.of("p", "d", name, "v1"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage(
            "task name '"
                + name
                + "' is invalid: use letters, digits, '_', '.' and '-', at most 255 characters");
  }

  @Test
  void givenTooLongName_WhenCreated_ThenInvalidArgument() {
    assertThatThrownBy(() -> TaskId.of("p", "d", "t".repeat(256), "v1"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("at most 255 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v 1", "v/1", "x"})
  void givenInvalidVersion_WhenCreated_ThenMessageNamesVersion(String suffix) {
    String version = suffix.equals("x") ? "x".repeat(129) : suffix;
    assertThatThrownBy(() -> TaskId.of("p", "d", "t", version))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("task version '")
        .hasMessageEndingWith("at most 128 characters");
  }

  @Test
  void givenEmptyVersion_WhenCreated_ThenRequired() {
    assertThatThrownBy(() -> TaskId.of("p", "d", "t", ""))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("task version is required");
  }
}
