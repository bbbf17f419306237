package io.aloft.application.port.query;

import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.List;

/**
 * One entry of an action's raw history, in global event-store order. {@code type} names the domain
 * event (ActionCreated, ActionEventRecorded, ActionAbortRequested). Executor fields are null for
 * events that are not executor reports.
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
    String reason) {

  public ActionEventView {
    logs = List.copyOf(logs);
  }
}
