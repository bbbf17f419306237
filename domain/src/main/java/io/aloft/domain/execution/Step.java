package io.aloft.domain.execution;

import io.aloft.domain.action.RecordActionEvent;
import java.util.List;
import java.util.Objects;

/**
 * What one reconcile pass decided: send {@code events} (in order), then store {@code status}.
 *
 * @param cleanUpAttempt the plugin's work for the attempt must be stopped and released before the
 *     status is stored (a retry or restart gives the plugin a fresh start)
 */
public record Step(
    TaskActionStatus status, List<RecordActionEvent> events, boolean cleanUpAttempt) {
  public Step {
    Objects.requireNonNull(status, "status");
    events = List.copyOf(events);
  }
}
