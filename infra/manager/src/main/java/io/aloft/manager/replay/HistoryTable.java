package io.aloft.manager.replay;

import java.io.PrintStream;
import tools.jackson.databind.JsonNode;

/** One line per event: position, time, action, who and what, in readable columns. */
final class HistoryTable {

  private static final String ROW = "%-9s %-24s %-10s %-20s %s%n";

  private final PrintStream out;
  private int events;

  HistoryTable(PrintStream out) {
    this.out = out;
    out.printf(ROW, "POSITION", "TIME", "ACTION", "WHO", "WHAT");
  }

  void print(JsonNode event) {
    events++;
    out.printf(
        ROW,
        event.path("position").asString(),
        event.path("timestamp").asString("-"),
        event.path("actionId").path("name").asString("-"),
        who(event),
        what(event));
  }

  void finish() {
    out.println(events + (events == 1 ? " event" : " events"));
  }

  /** Users act through creations and aborts; the executor reports everything else. */
  static String who(JsonNode event) {
    String actor = event.path("payload").path("actor").asString("");
    if (!actor.isEmpty()) {
      return actor;
    }
    if (event.has("event")) {
      String cluster = event.path("event").path("cluster").asString("");
      return cluster.isEmpty() ? "executor" : "executor@" + cluster;
    }
    return "-";
  }

  static String what(JsonNode event) {
    String type = event.path("type").asString("");
    return switch (type) {
      case "ActionCreated" -> "created, queued";
      case "ActionAbortRequested" ->
          "abort requested: " + event.path("payload").path("reason").asString("(no reason)");
      case "ActionEventRecorded" -> reported(event);
      default -> type;
    };
  }

  private static String reported(JsonNode event) {
    String text =
        "attempt "
            + event.path("attempt").asInt(1)
            + " -> "
            + event.path("phase").asString("").replace("ACTION_PHASE_", "");
    JsonNode error = event.path("event").path("errorInfo");
    if (!error.isMissingNode()) {
      text +=
          " (error "
              + error.path("code").asString("")
              + ": "
              + error.path("message").asString("")
              + ")";
    }
    return text;
  }
}
