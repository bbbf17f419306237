package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.ActionPhase;
import io.aloft.proto.events.v1.ActionEvent;
import org.junit.jupiter.api.Test;

class PhasesTest {

  private static final String CHOICES =
      "QUEUED, WAITING_FOR_RESOURCES, INITIALIZING, RUNNING, SUCCEEDED, FAILED, ABORTED,"
          + " TIMED_OUT, PAUSED, RECOVERED";

  @Test
  void givenEveryPhase_WhenMappedToProtoAndBack_ThenSameNumberAndName() {
    for (ActionPhase phase : ActionPhase.values()) {
      var proto = Phases.toProto(phase);
      assertThat(proto.getNumber()).isEqualTo(phase.number());
      assertThat(proto.name()).isEqualTo("ACTION_PHASE_" + phase.name());
      if (phase != ActionPhase.UNSPECIFIED) {
        assertThat(Phases.fromProto(proto, "phase")).isEqualTo(phase);
      }
    }
  }

  @Test
  void givenUnspecified_WhenReadFromARequest_ThenInvalidListingTheChoices() {
    assertInvalid(
        () -> Phases.fromProto(io.aloft.proto.core.v1.ActionPhase.ACTION_PHASE_UNSPECIFIED, "p"),
        "p must be one of " + CHOICES + " (by name or number); got 0");
  }

  @Test
  void givenAnUnknownNumber_WhenReadFromARequest_ThenInvalid() {
    var unknown = ActionEvent.newBuilder().setPhaseValue(42).build().getPhase();

    assertInvalid(
        () -> Phases.fromProto(unknown, "events[0].phase"),
        "events[0].phase must be one of " + CHOICES + " (by name or number); got an unknown value");
  }

  @Test
  void givenText_WhenParsed_ThenNumbersNamesAndProtoNamesAreAccepted() {
    assertThat(Phases.parse("5", "v")).isEqualTo(ActionPhase.SUCCEEDED);
    assertThat(Phases.parse(" succeeded ", "v")).isEqualTo(ActionPhase.SUCCEEDED);
    assertThat(Phases.parse("ACTION_PHASE_TIMED_OUT", "v")).isEqualTo(ActionPhase.TIMED_OUT);
    assertThat(Phases.parse("action_phase_queued", "v")).isEqualTo(ActionPhase.QUEUED);
  }

  @Test
  void givenBadText_WhenParsed_ThenInvalidNamingTheValue() {
    assertInvalid(
        () -> Phases.parse("DONE", "filters[0].values[1]"),
        "filters[0].values[1] must be one of " + CHOICES + " (by name or number); got 'DONE'");
    assertInvalid(
        () -> Phases.parse("0", "v"),
        "v must be one of " + CHOICES + " (by name or number); got 0");
    assertInvalid(
        () -> Phases.parse("UNSPECIFIED", "v"),
        "v must be one of " + CHOICES + " (by name or number); got 'UNSPECIFIED'");
    assertInvalid(
        () -> Phases.fromNumber(11, "v"),
        "v must be one of " + CHOICES + " (by name or number); got 11");
  }
}
