package io.aloft.application.data;

import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.TaskLog;
import java.util.ArrayList;
import java.util.List;

/** Which attempt a TailLogs call means, and the log links its executor events carry. */
final class AttemptLogs {

  static final String REPORT = "ActionEventRecorded";

  private AttemptLogs() {}

  /** The newest attempt the action or its events know of; 1 before anything ran. */
  static int latestAttempt(ActionView action, List<ActionEventView> events) {
    int latest = Math.max(1, action.attempts());
    for (ActionEventView event : events) {
      if (isReport(event)) {
        latest = Math.max(latest, event.key().attempt());
      }
    }
    return latest;
  }

  /** The attempt's log links, newest first (a link reported again counts where it was last). */
  static List<TaskLog> newestFirst(List<ActionEventView> events, int attempt) {
    List<TaskLog> links = new ArrayList<>();
    for (ActionEventView event : events.reversed()) {
      if (isReport(event) && event.key().attempt() == attempt) {
        for (TaskLog log : event.logs().reversed()) {
          if (!links.contains(log)) {
            links.add(log);
          }
        }
      }
    }
    return links;
  }

  private static boolean isReport(ActionEventView event) {
    return event.key() != null && REPORT.equals(event.type());
  }
}
