package io.aloft.domain.execution;

import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of one plugin call.
 *
 * @param phase never null
 * @param state the plugin's state to keep for its next call, never null
 * @param logs the attempt's log links, never null
 * @param error required for failures, else null
 * @param outputUri set on success when the attempt wrote outputs.pb
 * @param recheckAfter null to rely on the plugin waking the controller; otherwise ask again then
 * @param reportUri nullable: set on success when the attempt stored an HTML report
 */
public record PluginReport(
    PluginPhase phase,
    Bytes state,
    List<TaskLog> logs,
    ExecutionError error,
    String outputUri,
    Duration recheckAfter,
    String reportUri) {

  public PluginReport {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(state, "state");
    logs = List.copyOf(logs);
    if (phase.isFailure() && error == null) {
      throw new IllegalArgumentException("a " + phase + " report needs an error");
    }
  }

  public PluginReport(
      PluginPhase phase,
      Bytes state,
      List<TaskLog> logs,
      ExecutionError error,
      String outputUri,
      Duration recheckAfter) {
    this(phase, state, logs, error, outputUri, recheckAfter, null);
  }

  public static PluginReport running(Bytes state, List<TaskLog> logs, Duration recheckAfter) {
    return new PluginReport(PluginPhase.RUNNING, state, logs, null, null, recheckAfter);
  }

  public static PluginReport succeeded(Bytes state, List<TaskLog> logs, String outputUri) {
    return succeeded(state, logs, outputUri, null);
  }

  /** Success with the attempt's stored HTML report ({@code reportUri}, nullable). */
  public static PluginReport succeeded(
      Bytes state, List<TaskLog> logs, String outputUri, String reportUri) {
    return new PluginReport(PluginPhase.SUCCESS, state, logs, null, outputUri, null, reportUri);
  }

  public static PluginReport failed(
      boolean retryable, Bytes state, List<TaskLog> logs, ExecutionError error) {
    return new PluginReport(
        retryable ? PluginPhase.RETRYABLE_FAILURE : PluginPhase.PERMANENT_FAILURE,
        state,
        logs,
        error,
        null,
        null);
  }
}
