package io.aloft.domain.action;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Record one event the executor reported for an action attempt.
 *
 * @param actionId never null
 * @param key never null; phase set, attempt at least 1, version at least 0
 * @param updatedTime never null: when the executor observed the change
 * @param reportedTime nullable: when the plugin reported it; preferred for ordering
 * @param error nullable: set for failures
 * @param logs never null; copied
 * @param outputUri nullable: set when the attempt produced outputs
 * @param cacheStatus never null ({@link CacheStatus#UNSPECIFIED} when unknown)
 * @param cluster nullable: where the attempt ran
 * @param reportUri nullable: where the attempt's HTML report is (the SDK writes it; served by
 *     DataProxyService.CreateDownloadLink)
 */
public record RecordActionEvent(
    ActionId actionId,
    EventKey key,
    Instant updatedTime,
    Instant reportedTime,
    ExecutionError error,
    List<TaskLog> logs,
    String outputUri,
    CacheStatus cacheStatus,
    String cluster,
    String reportUri)
    implements ActionCommand {

  public RecordActionEvent {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(key, "key");
    checkKey(actionId, key);
    Objects.requireNonNull(updatedTime, "updatedTime");
    logs = List.copyOf(logs);
    Objects.requireNonNull(cacheStatus, "cacheStatus");
  }

  /** An event without a report. */
  public RecordActionEvent(
      ActionId actionId,
      EventKey key,
      Instant updatedTime,
      Instant reportedTime,
      ExecutionError error,
      List<TaskLog> logs,
      String outputUri,
      CacheStatus cacheStatus,
      String cluster) {
    this(
        actionId,
        key,
        updatedTime,
        reportedTime,
        error,
        logs,
        outputUri,
        cacheStatus,
        cluster,
        null);
  }

  private static void checkKey(ActionId actionId, EventKey key) {
    if (key.phase() == ActionPhase.UNSPECIFIED) {
      throw new InvalidArgument(
          "phase must be set on the event for action "
              + actionId
              + "; send one of QUEUED to RECOVERED");
    }
    if (key.attempt() < 1) {
      throw new InvalidArgument(
          "attempt must be at least 1 on the event for action "
              + actionId
              + " (got "
              + key.attempt()
              + "); attempts count from 1");
    }
    if (key.version() < 0) {
      throw new InvalidArgument(
          "version must not be negative on the event for action "
              + actionId
              + " (got "
              + key.version()
              + ")");
    }
  }
}
