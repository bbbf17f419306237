package io.aloft.domain.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionPhaseTest {

  @ParameterizedTest
  @EnumSource(ActionPhase.class)
  void givenPhase_WhenNumberRoundTrips_ThenSamePhase(ActionPhase phase) {
    assertThat(ActionPhase.fromNumber(phase.number())).isSameAs(phase);
  }

  @Test
  void givenWireNumbers_ThenMatchProto() {
    assertThat(ActionPhase.UNSPECIFIED.number()).isZero();
    assertThat(ActionPhase.SUCCEEDED.number()).isEqualTo(5);
    assertThat(ActionPhase.PAUSED.number()).isEqualTo(9);
    assertThat(ActionPhase.RECOVERED.number()).isEqualTo(10);
  }

  @Test
  void givenAllPhases_ThenTerminalAreSucceededFailedAbortedTimedOutRecovered() {
    assertThat(Arrays.stream(ActionPhase.values()).filter(ActionPhase::isTerminal))
        .containsExactly(
            ActionPhase.SUCCEEDED,
            ActionPhase.FAILED,
            ActionPhase.ABORTED,
            ActionPhase.TIMED_OUT,
            ActionPhase.RECOVERED);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 11, 99})
  void givenUnknownNumber_WhenFromNumber_ThenInvalidArgument(int n) {
    assertThatThrownBy(() -> ActionPhase.fromNumber(n))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("action phase " + n + " is unknown: use a number from 0 to 10");
  }
}
