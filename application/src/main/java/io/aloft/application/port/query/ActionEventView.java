package io.aloft.application.port.query;

import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the raw history. {@code position} orders the whole history: it is the order in which
 * events were stored in the history, and never goes back, even for an event whose transaction
 * committed late; followers resume from it. {@code sequence} numbers the events of one action.
 * {@code type} names the domain event (ActionCreated, ActionEventRecorded, ActionAbortRequested).
 * Executor fields are null for events that are not executor reports. {@code reportUri} is nullable:
 * where the attempt's HTML report is, if the event reported one.
 */
public record ActionEventView(
    long position,
    Instant recordedAt,
    ActionId actionId,
    String type,
    EventKey key,
    Instant updatedTime,
    Instant reportedTime,
    ExecutionError error,
    List<TaskLog> logs,
    String outputUri,
    CacheStatus cacheStatus,
    String cluster,
    String actor,
    String reason,
    long sequence,
    String reportUri) {

  public ActionEventView {
    logs = List.copyOf(logs);
  }

  /** An entry without a report. */
  public ActionEventView(
      long position,
      Instant recordedAt,
      ActionId actionId,
      String type,
      EventKey key,
      Instant updatedTime,
      Instant reportedTime,
      ExecutionError error,
      List<TaskLog> logs,
      String outputUri,
      CacheStatus cacheStatus,
      String cluster,
      String actor,
      String reason,
      long sequence) {
    this(
        position,
        recordedAt,
        actionId,
        type,
        key,
        updatedTime,
        reportedTime,
        error,
        logs,
        outputUri,
        cacheStatus,
        cluster,
        actor,
        reason,
        sequence,
        null);
  }
}
