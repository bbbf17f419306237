package io.aloft.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "flytesnacks", "my-project", "0abc", "a1-b2"})
  void givenDnsLabel_WhenCreated_ThenAccepted(String name) {
    assertThat(new ProjectId(name).name()).isEqualTo(name);
    assertThat(new Domain(name).name()).isEqualTo(name);
  }

  @Test
  void givenSixtyThreeCharacters_WhenCreated_ThenAccepted() {
    assertThat(new ProjectId("a".repeat(63)).name()).hasSize(63);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Abc", "-a", "a-", "a_b", "a b", "a.b", "ä"})
  void givenInvalidName_WhenCreated_ThenInvalidArgumentExplainsRule(String name) {
    assertThatThrownBy(() -> new ProjectId(name))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage(
            "project '"
                + name
                + "' is invalid: use lowercase letters, digits and '-', start and end with a"
                + " letter or digit, at most 63 characters");
  }

  @Test
  void givenSixtyFourCharacters_WhenCreated_ThenInvalidArgument() {
    assertThatThrownBy(() -> new ProjectId("a".repeat(64)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("at most 63 characters");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void givenMissingName_WhenCreated_ThenRequired(String name) {
    assertThatThrownBy(() -> new ProjectId(name))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("project is required");
    assertThatThrownBy(() -> new Domain(name))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("domain is required");
  }

  @Test
  void givenInvalidDomain_WhenCreated_ThenMessageNamesDomain() {
    assertThatThrownBy(() -> ProjectDomain.of("ok", "Dev"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("domain 'Dev' is invalid");
  }

  @Test
  void givenScope_WhenKey_ThenProjectSlashDomain() {
    assertThat(ProjectDomain.of("p", "development").key()).isEqualTo("p/development");
  }
}
