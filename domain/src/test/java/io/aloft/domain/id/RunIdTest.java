package io.aloft.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import java.util.HashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdTest {

  private static final ProjectDomain SCOPE = ProjectDomain.of("p", "d");

  @ParameterizedTest
  @ValueSource(strings = {"r", "my-run-1", "abcdefghijabcdefghijabcdefghij"})
  void givenDns1035Label_WhenCreated_ThenAccepted(String name) {
    assertThat(RunId.of("p", "d", name).key()).isEqualTo("p/d/" + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1abc", "Abc", "abc-", "a_b", "-abc", "abcdefghijabcdefghijabcdefghijk"})
  void givenInvalidName_WhenCreated_ThenInvalidArgumentExplainsRule(String name) {
    assertThatThrownBy(() -> RunId.of("p", "d", name))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage(
            "run name '"
                + name
                + "' is invalid: use lowercase letters, digits and '-', start with a letter, end"
                + " with a letter or digit, at most 30 characters");
  }

  @Test
  void givenRandom_WhenGenerated_ThenRPlusNineteenAlphabetCharacters() {
    var random = new SplittableRandom(42);
    var names = new HashSet<String>();
    for (int i = 0; i < 500; i++) {
      String name = RunId.generate(SCOPE, random).name();
      assertThat(name).hasSize(20).startsWith("r");
      assertThat(name.substring(1).chars()).allMatch(c -> RunId.GENERATED_ALPHABET.indexOf(c) >= 0);
      names.add(name);
    }
    assertThat(names).hasSize(500);
  }

  @Test
  void givenSameSeed_WhenGenerated_ThenSameName() {
    assertThat(RunId.generate(SCOPE, new SplittableRandom(7)))
        .isEqualTo(RunId.generate(SCOPE, new SplittableRandom(7)));
  }

  @Test
  void givenKey_WhenParsed_ThenRoundTrips() {
    var run = RunId.of("p", "d", "rabc");

    assertThat(RunId.parseKey(run.key())).isEqualTo(run);
    assertThat(run.rootAction()).isEqualTo(ActionId.root(run));
  }

  @Test
  void givenMalformedKey_WhenParsed_ThenInvalidArgument() {
    assertThatThrownBy(() -> RunId.parseKey("p/d"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("run key 'p/d' is malformed; expected project/domain/run");
  }
}
