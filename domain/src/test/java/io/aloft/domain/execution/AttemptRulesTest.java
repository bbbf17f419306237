package io.aloft.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptRulesTest {

  private static final ActionId ACTION = ActionId.of("p", "development", "r1", "a0");
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Bytes STATE = Bytes.of(new byte[] {1, 2});
  private final AttemptRules rules = AttemptRules.at(ACTION, "local", NOW);

  @Test
  void runningIsReportedOnceWithTheNextVersion() {
    Step step = rules.afterReport(queued(), 3, PluginReport.running(STATE, List.of(), null));

    assertThat(step.status().phase()).isEqualTo(ActionPhase.RUNNING);
    assertThat(step.status().reason()).isEqualTo(ExecutionReason.EXECUTING);
    assertThat(step.status().pluginState()).isEqualTo(STATE);
    assertThat(step.events()).singleElement().satisfies(e -> key(e, 1, ActionPhase.RUNNING, 1));

    Step again = rules.afterReport(step.status(), 3, PluginReport.running(STATE, List.of(), null));
    assertThat(again.events()).isEmpty();
    assertThat(again.status()).isEqualTo(step.status());
  }

  @Test
  void newLogLinksAreReportedAsANewVersionOfTheSamePhase() {
    TaskActionStatus running = running();
    List<TaskLog> logs = List.of(new TaskLog("task.log", "file:///tmp/task.log"));

    Step step = rules.afterReport(running, 1, PluginReport.running(STATE, logs, null));

    assertThat(step.events())
        .singleElement()
        .satisfies(
            e -> {
              key(e, 1, ActionPhase.RUNNING, 2);
              assertThat(e.logs()).isEqualTo(logs);
            });
  }

  @Test
  void successIsTerminalWithTheOutputs() {
    Step step =
        rules.afterReport(running(), 1, PluginReport.succeeded(STATE, List.of(), "s3://b/o.pb"));

    assertThat(step.status().phase()).isEqualTo(ActionPhase.SUCCEEDED);
    assertThat(step.status().outputUri()).isEqualTo("s3://b/o.pb");
    assertThat(step.events())
        .singleElement()
        .satisfies(
            e -> {
              key(e, 1, ActionPhase.SUCCEEDED, 2);
              assertThat(e.outputUri()).isEqualTo("s3://b/o.pb");
              assertThat(e.error()).isNull();
              assertThat(e.reportUri()).isNull();
            });
  }

  @Test
  void successWithAReportNamesItInTheStatusAndTheEvent() {
    Step step =
        rules.afterReport(
            running(),
            1,
            PluginReport.succeeded(STATE, List.of(), "s3://b/o.pb", "s3://b/report.html"));

    assertThat(step.status().reportUri()).isEqualTo("s3://b/report.html");
    assertThat(step.events())
        .singleElement()
        .satisfies(e -> assertThat(e.reportUri()).isEqualTo("s3://b/report.html"));
  }

  @Test
  void aRetryableUserFailureReportsTheFailedAttemptAndQueuesTheNext() {
    Step step = rules.afterReport(running(), 2, failure(true, ErrorKind.USER));

    assertThat(step.cleanUpAttempt()).isTrue();
    assertThat(step.status().attempts()).isEqualTo(2);
    assertThat(step.status().phase()).isEqualTo(ActionPhase.QUEUED);
    assertThat(step.status().pluginState()).isEqualTo(Bytes.EMPTY);
    assertThat(step.status().attemptStartedAt()).isNull();
    assertThat(step.events()).hasSize(2);
    key(step.events().get(0), 1, ActionPhase.FAILED, 2);
    assertThat(step.events().get(0).error().code()).isEqualTo("NonZeroExit");
    key(step.events().get(1), 2, ActionPhase.QUEUED, 3);
    assertThat(step.events().get(1).error()).isNull();
  }

  @Test
  void userFailuresStopAfterRetriesPlusOneAttempts() {
    TaskActionStatus lastAttempt = running().toBuilder().attempts(2).build();

    Step step = rules.afterReport(lastAttempt, 2, failure(true, ErrorKind.USER));

    assertThat(step.status().phase()).isEqualTo(ActionPhase.FAILED);
    assertThat(step.status().reason()).isEqualTo(ExecutionReason.PERMANENT_FAILURE);
    assertThat(step.events()).singleElement().satisfies(e -> key(e, 2, ActionPhase.FAILED, 2));
  }

  @Test
  void systemFailuresRestartTheSameAttemptWithoutUsingRetries() {
    Step step = rules.afterReport(running(), 1, failure(true, ErrorKind.SYSTEM));

    assertThat(step.cleanUpAttempt()).isTrue();
    assertThat(step.status().attempts()).isEqualTo(1);
    assertThat(step.status().systemFailures()).isEqualTo(1);
    assertThat(step.status().phase()).isEqualTo(ActionPhase.RUNNING);
    assertThat(step.events()).isEmpty();
  }

  @Test
  void theFourthSystemFailureFailsTheAction() {
    TaskActionStatus status = running().toBuilder().systemFailures(3).build();

    Step step = rules.afterReport(status, 5, failure(true, ErrorKind.SYSTEM));

    assertThat(step.status().phase()).isEqualTo(ActionPhase.FAILED);
    assertThat(step.status().error().code()).isEqualTo("MaxSystemFailuresExceeded");
    assertThat(step.status().error().kind()).isEqualTo(ErrorKind.SYSTEM);
  }

  @Test
  void progressResetsTheSystemFailureCount() {
    TaskActionStatus status = queued().toBuilder().systemFailures(2).build();

    Step step = rules.afterReport(status, 1, PluginReport.running(STATE, List.of(), null));

    assertThat(step.status().systemFailures()).isZero();
  }

  @Test
  void aPermanentFailureFailsAtOnceWhateverTheRetries() {
    Step step = rules.afterReport(running(), 10, failure(false, ErrorKind.USER));

    assertThat(step.status().phase()).isEqualTo(ActionPhase.FAILED);
    assertThat(step.status().attempts()).isEqualTo(1);
  }

  @Test
  void pluginErrorsAreSystemFailures() {
    Step step = rules.pluginError(running(), "boom");

    assertThat(step.status().systemFailures()).isEqualTo(1);
    assertThat(step.status().error().code()).isEqualTo("PluginError");
  }

  @Test
  void timeoutsAreTerminal() {
    Step step = rules.timedOut(running(), Duration.ofSeconds(5));

    assertThat(step.status().phase()).isEqualTo(ActionPhase.TIMED_OUT);
    assertThat(step.events())
        .singleElement()
        .satisfies(e -> assertThat(e.error().code()).isEqualTo("TaskTimedOut"));
  }

  @Test
  void invalidSpecsAndUnknownPluginsFailWithTheirReason() {
    assertThat(rules.invalidSpec(queued(), "no inputUri").status().reason())
        .isEqualTo(ExecutionReason.INVALID_SPEC);
    Step step = rules.pluginNotFound(queued(), "spark", List.of("container", "noop"));
    assertThat(step.status().reason()).isEqualTo(ExecutionReason.PLUGIN_NOT_FOUND);
    assertThat(step.status().error().message()).contains("spark").contains("container, noop");
  }

  @Test
  void abortingReportsAbortedUnlessFinished() {
    Step step = rules.aborted(running(), "user asked");
    assertThat(step.events()).singleElement().satisfies(e -> key(e, 1, ActionPhase.ABORTED, 2));

    TaskActionStatus done = step.status();
    assertThat(rules.aborted(done, "again").events()).isEmpty();
  }

  @Test
  void conditionsPauseOnceThenSucceedOrTimeOut() {
    Step paused = rules.paused(queued());
    assertThat(paused.events()).singleElement().satisfies(e -> key(e, 1, ActionPhase.PAUSED, 1));
    assertThat(rules.paused(paused.status()).events()).isEmpty();

    assertThat(rules.signaled(paused.status(), "s3://b/o.pb").status().phase())
        .isEqualTo(ActionPhase.SUCCEEDED);
    assertThat(rules.conditionTimedOut(paused.status(), Duration.ofMinutes(1)).status().phase())
        .isEqualTo(ActionPhase.TIMED_OUT);
  }

  @Test
  void tracesAreRecordedAsSucceeded() {
    assertThat(rules.traceRecorded(queued(), null).status().phase())
        .isEqualTo(ActionPhase.SUCCEEDED);
  }

  private static TaskActionStatus queued() {
    return TaskActionStatus.queued(NOW);
  }

  private TaskActionStatus running() {
    return rules.afterReport(queued(), 1, PluginReport.running(STATE, List.of(), null)).status();
  }

  private static PluginReport failure(boolean retryable, ErrorKind kind) {
    return PluginReport.failed(
        retryable, STATE, List.of(), new ExecutionError("NonZeroExit", "exit 1", kind, null, NOW));
  }

  private static void key(RecordActionEvent event, int attempt, ActionPhase phase, int version) {
    assertThat(event.key().attempt()).isEqualTo(attempt);
    assertThat(event.key().phase()).isEqualTo(phase);
    assertThat(event.key().version()).isEqualTo(version);
    assertThat(event.actionId()).isEqualTo(ACTION);
  }
}
