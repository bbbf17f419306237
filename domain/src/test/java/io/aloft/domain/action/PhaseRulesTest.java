package io.aloft.domain.action;

import static io.aloft.domain.action.PhaseRules.Verdict.APPLY;
import static io.aloft.domain.action.PhaseRules.Verdict.DUPLICATE;
import static io.aloft.domain.action.PhaseRules.Verdict.STALE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.PhaseRules.Verdict;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PhaseRulesTest {

  private static final EnumSet<ActionPhase> REAL =
      EnumSet.complementOf(EnumSet.of(ActionPhase.UNSPECIFIED));

  @ParameterizedTest(name = "{0}@{1} + {3}@{2} -> {4}")
  @CsvSource(
      textBlock =
          """
          # current,       attempt, incoming attempt, incoming phase,      verdict
          # forward within one attempt
          QUEUED,                1, 1, WAITING_FOR_RESOURCES, APPLY
          QUEUED,                1, 1, INITIALIZING,          APPLY
          WAITING_FOR_RESOURCES, 1, 1, RUNNING,               APPLY
          INITIALIZING,          1, 1, RUNNING,               APPLY
          RUNNING,               1, 1, SUCCEEDED,             APPLY
          RUNNING,               1, 1, FAILED,                APPLY
          RUNNING,               1, 1, ABORTED,               APPLY
          RUNNING,               1, 1, TIMED_OUT,             APPLY
          RUNNING,               1, 1, RECOVERED,             APPLY
          QUEUED,                1, 1, PAUSED,                APPLY
          QUEUED,                1, 1, SUCCEEDED,             APPLY
          # same phase, new version: an update such as new logs
          QUEUED,                1, 1, QUEUED,                APPLY
          RUNNING,               1, 1, RUNNING,               APPLY
          # backwards within one attempt
          RUNNING,               1, 1, QUEUED,                STALE
          RUNNING,               1, 1, INITIALIZING,          STALE
          INITIALIZING,          1, 1, WAITING_FOR_RESOURCES, STALE
          # paused conditions only end
          PAUSED,                1, 1, SUCCEEDED,             APPLY
          PAUSED,                1, 1, FAILED,                APPLY
          PAUSED,                1, 1, ABORTED,               APPLY
          PAUSED,                1, 1, TIMED_OUT,             APPLY
          PAUSED,                1, 1, RECOVERED,             APPLY
          PAUSED,                1, 1, RUNNING,               STALE
          PAUSED,                1, 1, QUEUED,                STALE
          PAUSED,                1, 1, PAUSED,                STALE
          # terminal and final, including the reference's numeric quirks
          SUCCEEDED,             1, 1, FAILED,                STALE
          ABORTED,               1, 1, TIMED_OUT,             STALE
          SUCCEEDED,             1, 1, SUCCEEDED,             STALE
          SUCCEEDED,             1, 2, QUEUED,                STALE
          ABORTED,               1, 2, QUEUED,                STALE
          RECOVERED,             1, 2, QUEUED,                STALE
          RECOVERED,             1, 1, RECOVERED,             STALE
          # retries after a retryable failure
          FAILED,                1, 2, QUEUED,                APPLY
          TIMED_OUT,             1, 2, QUEUED,                APPLY
          FAILED,                2, 5, QUEUED,                APPLY
          FAILED,                1, 2, RUNNING,               STALE
          FAILED,                1, 1, QUEUED,                STALE
          FAILED,                1, 1, FAILED,                STALE
          TIMED_OUT,             1, 1, RUNNING,               STALE
          # a new attempt of a live action starts over
          RUNNING,               1, 2, QUEUED,                APPLY
          RUNNING,               1, 3, RUNNING,               APPLY
          PAUSED,                1, 2, QUEUED,                APPLY
          # lower attempts are late
          RUNNING,               2, 1, SUCCEEDED,             STALE
          QUEUED,                2, 1, QUEUED,                STALE
          FAILED,                2, 1, QUEUED,                STALE
          """)
  void givenCurrent_WhenEventArrives_ThenVerdict(
      ActionPhase current,
      int currentAttempt,
      int attempt,
      ActionPhase incoming,
      Verdict expected) {
    var key = new EventKey(attempt, incoming, 0);

    assertThat(PhaseRules.judge(current, currentAttempt, key, false)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(value = ActionPhase.class, names = "UNSPECIFIED", mode = EnumSource.Mode.EXCLUDE)
  void givenSeenBefore_WhenJudged_ThenDuplicateWhateverTheCurrentPhase(ActionPhase current) {
    var key = new EventKey(1, ActionPhase.RUNNING, 3);

    assertThat(PhaseRules.judge(current, 1, key, true)).isEqualTo(DUPLICATE);
  }

  @Test
  void givenSucceededAbortedOrRecovered_WhenAnyEventArrives_ThenNeverApplied() {
    for (var current :
        EnumSet.of(ActionPhase.SUCCEEDED, ActionPhase.ABORTED, ActionPhase.RECOVERED)) {
      for (var incoming : REAL) {
        for (int attempt = 1; attempt <= 3; attempt++) {
          var key = new EventKey(attempt, incoming, 1);
          assertThat(PhaseRules.judge(current, 2, key, false))
              .as("%s@2 + %s@%d", current, incoming, attempt)
              .isEqualTo(STALE);
        }
      }
    }
  }

  @Test
  void givenLiveAction_WhenHigherAttemptArrives_ThenAlwaysApplied() {
    for (var current : REAL) {
      if (current.isTerminal()) {
        continue;
      }
      for (var incoming : REAL) {
        assertThat(PhaseRules.judge(current, 1, new EventKey(2, incoming, 0), false))
            .as("%s@1 + %s@2", current, incoming)
            .isEqualTo(APPLY);
      }
    }
  }
}
