package io.aloft.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RunNamesTest {

  private static final ProjectDomain SCOPE = ProjectDomain.of("p", "d");

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void givenNoName_WhenResolved_ThenGenerated(String requested) {
    var run = RunNames.resolve(SCOPE, requested, new SplittableRandom(1));

    assertThat(run.name()).hasSize(20).startsWith("r");
    assertThat(run).isEqualTo(RunId.generate(SCOPE, new SplittableRandom(1)));
  }

  @Test
  void givenValidName_WhenResolved_ThenUsed() {
    assertThat(RunNames.resolve(SCOPE, "my-run", new SplittableRandom(1)))
        .isEqualTo(RunId.of("p", "d", "my-run"));
  }

  @Test
  void givenInvalidName_WhenResolved_ThenInvalidArgument() {
    assertThatThrownBy(() -> RunNames.resolve(SCOPE, "My_Run", new SplittableRandom(1)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("run name 'My_Run' is invalid");
  }
}
