package io.aloft.domain.execution;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the controller knows about a TaskAction's execution; persisted after every reconcile pass
 * that changed it, so a restarted manager resumes where it stopped.
 *
 * @param phase the phase last reported to the event store
 * @param reason why it is in that phase
 * @param message nullable human detail (e.g. which spec field is missing)
 * @param attempts the current attempt, from 1
 * @param systemFailures system failures since the last progress; more than 3 fail the action
 * @param finalizer set once the plugin may hold resources; deletion waits until it is cleared
 * @param pluginState the plugin's own state for the current attempt (opaque)
 * @param eventVersion the version of the last event sent; each event takes the next one
 * @param error nullable: the latest failure
 * @param cacheStatus never null
 * @param attemptStartedAt nullable: when the current attempt was handed to the plugin
 * @param updatedAt never null
 * @param signal nullable: a condition's signalled value (a serialized Literal)
 * @param logs the current attempt's log links
 * @param outputUri nullable: where the succeeded attempt's outputs.pb is
 * @param reportUri nullable: where the succeeded attempt's HTML report is
 */
public record TaskActionStatus(
    ActionPhase phase,
    ExecutionReason reason,
    String message,
    int attempts,
    int systemFailures,
    boolean finalizer,
    Bytes pluginState,
    long eventVersion,
    ExecutionError error,
    CacheStatus cacheStatus,
    Instant attemptStartedAt,
    Instant updatedAt,
    Bytes signal,
    List<TaskLog> logs,
    String outputUri,
    String reportUri) {

  public TaskActionStatus {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(reason, "reason");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts start at 1: " + attempts);
    }
    Objects.requireNonNull(pluginState, "pluginState");
    Objects.requireNonNull(cacheStatus, "cacheStatus");
    Objects.requireNonNull(updatedAt, "updatedAt");
    logs = List.copyOf(logs);
  }

  /** A new TaskAction: queued, first attempt, nothing started. */
  public static TaskActionStatus queued(Instant now) {
    return new TaskActionStatus(
        ActionPhase.QUEUED,
        ExecutionReason.QUEUED,
        null,
        1,
        0,
        false,
        Bytes.EMPTY,
        0,
        null,
        CacheStatus.UNSPECIFIED,
        null,
        now,
        null,
        List.of(),
        null,
        null);
  }

  public boolean isTerminal() {
    return phase.isTerminal();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copy-with for the many small status changes a reconcile pass makes. */
  public static final class Builder {
    private ActionPhase phase;
    private ExecutionReason reason;
    private String message;
    private int attempts;
    private int systemFailures;
    private boolean finalizer;
    private Bytes pluginState;
    private long eventVersion;
    private ExecutionError error;
    private CacheStatus cacheStatus;
    private Instant attemptStartedAt;
    private Instant updatedAt;
    private Bytes signal;
    private List<TaskLog> logs;
    private String outputUri;
    private String reportUri;

    private Builder(TaskActionStatus s) {
      phase = s.phase;
      reason = s.reason;
      message = s.message;
      attempts = s.attempts;
      systemFailures = s.systemFailures;
      finalizer = s.finalizer;
      pluginState = s.pluginState;
      eventVersion = s.eventVersion;
      error = s.error;
      cacheStatus = s.cacheStatus;
      attemptStartedAt = s.attemptStartedAt;
      updatedAt = s.updatedAt;
      signal = s.signal;
      logs = s.logs;
      outputUri = s.outputUri;
      reportUri = s.reportUri;
    }

    public Builder phase(ActionPhase v, ExecutionReason why, String detail) {
      phase = v;
      reason = why;
      message = detail;
      return this;
    }

    public Builder attempts(int v) {
      attempts = v;
      return this;
    }

    public Builder systemFailures(int v) {
      systemFailures = v;
      return this;
    }

    public Builder finalizer(boolean v) {
      finalizer = v;
      return this;
    }

    public Builder pluginState(Bytes v) {
      pluginState = v;
      return this;
    }

    public Builder eventVersion(long v) {
      eventVersion = v;
      return this;
    }

    public Builder error(ExecutionError v) {
      error = v;
      return this;
    }

    public Builder cacheStatus(CacheStatus v) {
      cacheStatus = v;
      return this;
    }

    public Builder attemptStartedAt(Instant v) {
      attemptStartedAt = v;
      return this;
    }

    public Builder updatedAt(Instant v) {
      updatedAt = v;
      return this;
    }

    public Builder signal(Bytes v) {
      signal = v;
      return this;
    }

    public Builder logs(List<TaskLog> v) {
      logs = v;
      return this;
    }

    public Builder outputUri(String v) {
      outputUri = v;
      return this;
    }

    public Builder reportUri(String v) {
      reportUri = v;
      return this;
    }

    public TaskActionStatus build() {
      return new TaskActionStatus(
          phase,
          reason,
          message,
          attempts,
          systemFailures,
          finalizer,
          pluginState,
          eventVersion,
          error,
          cacheStatus,
          attemptStartedAt,
          updatedAt,
          signal,
          logs,
          outputUri,
          reportUri);
    }
  }
}
