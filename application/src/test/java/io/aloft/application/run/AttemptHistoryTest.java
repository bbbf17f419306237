package io.aloft.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.query.ActionEventView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptHistoryTest {

  private static final ActionId A0 = ActionId.root(RunId.of("p", "d", "r1"));
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void givenRetriedAction_WhenRebuilt_ThenOneAttemptEachWithItsOwnEndAndError() {
    ExecutionError oom = new ExecutionError("OOMKilled", "out of memory", ErrorKind.USER, null, T0);
    List<AttemptView> attempts =
        AttemptHistory.of(
            List.of(
                event(1, 1, ActionPhase.RUNNING, 0, null, "stdout", "v1"),
                event(2, 1, ActionPhase.FAILED, 5, oom, "stdout", "v2"),
                event(3, 2, ActionPhase.QUEUED, 6, null, null, null),
                event(4, 2, ActionPhase.RUNNING, 7, null, null, null),
                event(5, 2, ActionPhase.SUCCEEDED, 9, null, null, null)));

    assertThat(attempts).hasSize(2);
    AttemptView first = attempts.getFirst();
    assertThat(first.phase()).isEqualTo(ActionPhase.FAILED);
    assertThat(first.error()).isEqualTo(oom);
    assertThat(first.endTime()).isEqualTo(T0.plusSeconds(5));
    assertThat(first.logs()).containsExactly(new TaskLog("stdout", "v2"));
    assertThat(attempts.get(1).transitions())
        .extracting(AttemptView.PhaseTransition::phase)
        .containsExactly(ActionPhase.QUEUED, ActionPhase.RUNNING, ActionPhase.SUCCEEDED);
  }

  @Test
  void givenAReportNamedBeforeTheEnd_WhenRebuilt_ThenTheAttemptKeepsTheLatestReportUpToItsEnd() {
    List<ActionEventView> events =
        List.of(
            withReport(event(1, 1, ActionPhase.RUNNING, 1, null, null, null), "s3://b/r/1.html"),
            withReport(event(2, 1, ActionPhase.RUNNING, 2, null, null, null), "s3://b/r/2.html"),
            event(3, 1, ActionPhase.SUCCEEDED, 3, null, null, null),
            withReport(event(4, 1, ActionPhase.FAILED, 4, null, null, null), "s3://b/late.html"),
            event(5, 2, ActionPhase.RUNNING, 5, null, null, null));

    List<AttemptView> attempts = AttemptHistory.of(events);

    assertThat(attempts.get(0).reportUri()).isEqualTo("s3://b/r/2.html");
    assertThat(attempts.get(1).reportUri()).isNull();
  }

  private static ActionEventView withReport(ActionEventView e, String reportUri) {
    return new ActionEventView(
        e.position(),
        e.recordedAt(),
        e.actionId(),
        e.type(),
        e.key(),
        e.updatedTime(),
        e.reportedTime(),
        e.error(),
        e.logs(),
        e.outputUri(),
        e.cacheStatus(),
        e.cluster(),
        e.actor(),
        e.reason(),
        e.sequence(),
        reportUri);
  }

  private static ActionEventView event(
      long position,
      int attempt,
      ActionPhase phase,
      int second,
      ExecutionError error,
      String log,
      String uri) {
    return new ActionEventView(
        position,
        T0,
        A0,
        "ActionEventRecorded",
        new EventKey(attempt, phase, 0),
        T0.plusSeconds(second),
        T0,
        error,
        log == null ? List.of() : List.of(new TaskLog(log, uri)),
        null,
        CacheStatus.UNSPECIFIED,
        null,
        null,
        null,
        0L);
  }
}
