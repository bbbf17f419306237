package io.aloft.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionIdTest {

  private static final RunId RUN = RunId.of("p", "d", "rabc");

  @Test
  void givenRun_WhenRoot_ThenA0() {
    var root = ActionId.root(RUN);

    assertThat(root.name()).isEqualTo(ActionId.ROOT).isEqualTo("a0");
    assertThat(root.isRoot()).isTrue();
    assertThat(new ActionId(RUN, "a1").isRoot()).isFalse();
  }

  @Test
  void givenAction_WhenKey_ThenFourParts() {
    assertThat(new ActionId(RUN, "n0-abc").key()).isEqualTo("p/d/rabc/n0-abc");
  }

  @Test
  void givenKey_WhenParsed_ThenRoundTrips() {
    var id = new ActionId(RUN, "x9");

    assertThat(ActionId.parseKey(id.key())).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"p/d/r", "p/d/r/a/b", "", "p//r/a"})
  void givenMalformedKey_WhenParsed_ThenInvalidArgument(String key) {
    assertThatThrownBy(() -> ActionId.parseKey(key)).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void givenWrongPartCount_WhenParsed_ThenMessageShowsExpectedShape() {
    assertThatThrownBy(() -> ActionId.parseKey("p/d/r"))
        .hasMessage("action key 'p/d/r' is malformed; expected project/domain/run/action");
    assertThatThrownBy(() -> ActionId.parseKey(null))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("action key is required; expected project/domain/run/action");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A0", "a_1", "-a", "a-"})
  void givenInvalidName_WhenCreated_ThenInvalidArgument(String name) {
    assertThatThrownBy(() -> new ActionId(RUN, name))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("action name '" + name + "' is invalid");
  }
}
