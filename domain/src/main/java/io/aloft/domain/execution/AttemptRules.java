package io.aloft.domain.execution;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The executor's rules (behaviour doc section 5) as pure functions from a status and what happened
 * to the next status and the events to report. Retries happen in place: a retryable user failure
 * reports the failed attempt and queues the next one; system failures are counted separately and
 * never use up the user's retries; anything permanent fails at once.
 */
public final class AttemptRules {

  /** More system failures than this in a row fail the action. */
  public static final int MAX_SYSTEM_FAILURES = 3;

  private final ActionId action;
  private final String cluster;
  private final Instant now;

  private AttemptRules(ActionId action, String cluster, Instant now) {
    this.action = action;
    this.cluster = cluster;
    this.now = now;
  }

  /**
   * @param cluster where the executor runs, reported on every event
   */
  public static AttemptRules at(ActionId action, String cluster, Instant now) {
    return new AttemptRules(action, cluster, now);
  }

  /** The step after the plugin's report for the current attempt. */
  public Step afterReport(TaskActionStatus s, int maxAttempts, PluginReport report) {
    return switch (report.phase()) {
      case SUCCESS -> succeeded(s, report);
      case PERMANENT_FAILURE ->
          failed(s, report.error(), ExecutionReason.PERMANENT_FAILURE, report);
      case RETRYABLE_FAILURE ->
          report.error().kind() == ErrorKind.USER
              ? userFailure(s, maxAttempts, report)
              : systemFailure(s, report.error());
      case NOT_READY, QUEUED, WAITING_FOR_RESOURCES, INITIALIZING, RUNNING -> progress(s, report);
    };
  }

  /** The plugin call itself failed (an error, not a report): a system failure. */
  public Step pluginError(TaskActionStatus s, String message) {
    return systemFailure(s, error("PluginError", message, ErrorKind.SYSTEM));
  }

  /** The attempt ran past the task's timeout. */
  public Step timedOut(TaskActionStatus s, Duration timeout) {
    ExecutionError error =
        error(
            "TaskTimedOut",
            "attempt " + s.attempts() + " ran longer than the task's timeout of " + timeout,
            ErrorKind.USER);
    return terminal(s, ActionPhase.TIMED_OUT, ExecutionReason.TIMED_OUT, error, null);
  }

  /** The spec cannot be executed: a missing field or an undecodable template. */
  public Step invalidSpec(TaskActionStatus s, String message) {
    return terminal(
        s,
        ActionPhase.FAILED,
        ExecutionReason.INVALID_SPEC,
        error("InvalidSpec", message, ErrorKind.USER),
        null);
  }

  /** No plugin runs this task type. */
  public Step pluginNotFound(TaskActionStatus s, String taskType, Iterable<String> known) {
    String message =
        "no task plugin runs task type '"
            + taskType
            + "'; known types: "
            + String.join(", ", known);
    return terminal(
        s,
        ActionPhase.FAILED,
        ExecutionReason.PLUGIN_NOT_FOUND,
        error("PluginNotFound", message, ErrorKind.USER),
        null);
  }

  /** The action was aborted: report ABORTED unless it already finished. */
  public Step aborted(TaskActionStatus s, String reason) {
    if (s.isTerminal()) {
      return new Step(s, List.of(), false);
    }
    ExecutionError error = error("Aborted", reason == null ? "aborted" : reason, ErrorKind.USER);
    return terminal(s, ActionPhase.ABORTED, ExecutionReason.ABORTED, error, null);
  }

  /** A trace records work the SDK already did: it is reported as SUCCEEDED. */
  public Step traceRecorded(TaskActionStatus s, String outputUri) {
    return terminal(s, ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null, outputUri);
  }

  /** A condition waits for its signal: report PAUSED once. */
  public Step paused(TaskActionStatus s) {
    if (s.phase() == ActionPhase.PAUSED) {
      return new Step(s, List.of(), false);
    }
    TaskActionStatus next = advance(s, ActionPhase.PAUSED, ExecutionReason.PAUSED, null);
    return new Step(next, List.of(event(next, ActionPhase.PAUSED)), false);
  }

  /** A condition got its value, stored at {@code outputUri}. */
  public Step signaled(TaskActionStatus s, String outputUri) {
    return terminal(s, ActionPhase.SUCCEEDED, ExecutionReason.SIGNALED, null, outputUri);
  }

  /** A condition's timeout passed without a signal. */
  public Step conditionTimedOut(TaskActionStatus s, Duration timeout) {
    ExecutionError error =
        error(
            "ConditionTimedOut",
            "no value was signalled within the condition's timeout of " + timeout,
            ErrorKind.USER);
    return terminal(s, ActionPhase.TIMED_OUT, ExecutionReason.TIMED_OUT, error, null);
  }

  private Step succeeded(TaskActionStatus s, PluginReport report) {
    TaskActionStatus next =
        s.toBuilder()
            .pluginState(report.state())
            .logs(report.logs())
            .systemFailures(0)
            .reportUri(report.reportUri())
            .build();
    return terminal(
        next, ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null, report.outputUri());
  }

  private Step userFailure(TaskActionStatus s, int maxAttempts, PluginReport report) {
    if (s.attempts() >= maxAttempts) {
      return failed(s, report.error(), ExecutionReason.PERMANENT_FAILURE, report);
    }
    TaskActionStatus failedAttempt =
        s.toBuilder()
            .phase(ActionPhase.FAILED, ExecutionReason.RETRYABLE_FAILURE, report.error().message())
            .eventVersion(s.eventVersion() + 1)
            .error(report.error())
            .logs(report.logs())
            .build();
    RecordActionEvent failedEvent = event(failedAttempt, ActionPhase.FAILED);
    TaskActionStatus nextAttempt =
        failedAttempt.toBuilder()
            .phase(ActionPhase.QUEUED, ExecutionReason.RETRYABLE_FAILURE, report.error().message())
            .attempts(s.attempts() + 1)
            .eventVersion(failedAttempt.eventVersion() + 1)
            .systemFailures(0)
            .pluginState(Bytes.EMPTY)
            .logs(List.of())
            .attemptStartedAt(null)
            .updatedAt(now)
            .build();
    List<RecordActionEvent> events = new ArrayList<>();
    events.add(failedEvent);
    events.add(event(nextAttempt, ActionPhase.QUEUED));
    return new Step(nextAttempt, events, true);
  }

  private Step systemFailure(TaskActionStatus s, ExecutionError cause) {
    int failures = s.systemFailures() + 1;
    if (failures > MAX_SYSTEM_FAILURES) {
      ExecutionError error =
          error(
              "MaxSystemFailuresExceeded",
              "attempt "
                  + s.attempts()
                  + " failed "
                  + failures
                  + " times for system reasons; last: "
                  + cause.message(),
              ErrorKind.SYSTEM);
      return terminal(s, ActionPhase.FAILED, ExecutionReason.PERMANENT_FAILURE, error, null);
    }
    TaskActionStatus next =
        s.toBuilder()
            .phase(s.phase(), ExecutionReason.RETRYABLE_FAILURE, cause.message())
            .systemFailures(failures)
            .error(cause)
            .pluginState(Bytes.EMPTY)
            .updatedAt(now)
            .build();
    return new Step(next, List.of(), true);
  }

  private Step failed(
      TaskActionStatus s, ExecutionError error, ExecutionReason reason, PluginReport report) {
    TaskActionStatus next = s.toBuilder().pluginState(report.state()).logs(report.logs()).build();
    return terminal(next, ActionPhase.FAILED, reason, error, null);
  }

  private Step progress(TaskActionStatus s, PluginReport report) {
    ActionPhase phase = report.phase().reported();
    boolean news = phase != s.phase() || !report.logs().equals(s.logs());
    if (!news) {
      boolean stateChanged = !report.state().equals(s.pluginState());
      TaskActionStatus next =
          stateChanged ? s.toBuilder().pluginState(report.state()).updatedAt(now).build() : s;
      return new Step(next, List.of(), false);
    }
    TaskActionStatus next =
        advance(s, phase, reasonOf(report.phase()), null).toBuilder()
            .pluginState(report.state())
            .logs(report.logs())
            .systemFailures(phase.ordinal() > s.phase().ordinal() ? 0 : s.systemFailures())
            .build();
    return new Step(next, List.of(event(next, phase)), false);
  }

  private Step terminal(
      TaskActionStatus s,
      ActionPhase phase,
      ExecutionReason reason,
      ExecutionError error,
      String outputUri) {
    TaskActionStatus next =
        advance(s, phase, reason, error == null ? null : error.message()).toBuilder()
            .error(error == null ? s.error() : error)
            .outputUri(outputUri)
            .build();
    return new Step(next, List.of(event(next, phase)), false);
  }

  private TaskActionStatus advance(
      TaskActionStatus s, ActionPhase phase, ExecutionReason reason, String message) {
    return s.toBuilder()
        .phase(phase, reason, message)
        .eventVersion(s.eventVersion() + 1)
        .updatedAt(now)
        .build();
  }

  private RecordActionEvent event(TaskActionStatus s, ActionPhase phase) {
    return new RecordActionEvent(
        action,
        new EventKey(s.attempts(), phase, Math.toIntExact(s.eventVersion())),
        now,
        now,
        phase == ActionPhase.FAILED || phase == ActionPhase.TIMED_OUT ? s.error() : null,
        s.logs(),
        phase == ActionPhase.SUCCEEDED ? s.outputUri() : null,
        s.cacheStatus(),
        cluster,
        phase == ActionPhase.SUCCEEDED ? s.reportUri() : null);
  }

  private ExecutionError error(String code, String message, ErrorKind kind) {
    return new ExecutionError(code, message, kind, null, now);
  }

  private static ExecutionReason reasonOf(PluginPhase phase) {
    return switch (phase) {
      case NOT_READY, QUEUED -> ExecutionReason.QUEUED;
      case WAITING_FOR_RESOURCES, INITIALIZING -> ExecutionReason.INITIALIZING;
      default -> ExecutionReason.EXECUTING;
    };
  }
}
