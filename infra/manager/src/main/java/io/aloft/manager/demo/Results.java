package io.aloft.manager.demo;

import io.aloft.proto.core.v1.ExecutionError;
import io.aloft.proto.run.v1.ActionAttempt;
import io.aloft.proto.run.v1.ActionDetails;
import java.util.ArrayList;
import java.util.List;

/** How a run ended, in a few lines: the verdict, outputs, errors, the end of its logs. */
final class Results {

  private static final int LABEL = 12;
  private static final String INDENT = "      ";

  private final String ok;
  private final String notOk;

  Results(boolean unicode) {
    this.ok = unicode ? "✓" : "ok";
    this.notOk = unicode ? "✗" : "FAILED CHECK";
  }

  List<String> describe(RunOutcome outcome) {
    List<String> lines = new ArrayList<>();
    ActionDetails details = outcome.details();
    List<String> problems = outcome.problems();
    String phase = Literals.phase(details.getStatus().getPhase());
    int attempts = details.getStatus().getAttempts();
    lines.add(
        "  "
            + (problems.isEmpty() ? ok : notOk)
            + " "
            + outcome.run()
            + "  "
            + phase
            + (attempts > 1 ? " on attempt " + attempts : ""));
    add(lines, "expected", List.of(outcome.sample().expected().summary()));
    problems.forEach(problem -> add(lines, "problem", List.of(problem)));
    for (ActionAttempt attempt : details.getAttemptsList()) {
      if (attempt.getAttempt() < attempts && attempt.hasErrorInfo()) {
        add(
            lines,
            "attempt " + attempt.getAttempt(),
            List.of(Literals.phase(attempt.getPhase()) + ": " + error(attempt.getErrorInfo())));
      }
    }
    if (details.hasErrorInfo()) {
      add(lines, "error", List.of(error(details.getErrorInfo())));
    }
    if (!outcome.children().isEmpty()) {
      List<String> children = new ArrayList<>();
      outcome
          .children()
          .forEach((name, childPhase) -> children.add(name + " " + Literals.phase(childPhase)));
      add(lines, "children", List.of(String.join(", ", children)));
    }
    List<String> outputs = new ArrayList<>();
    outcome
        .outputs()
        .forEach(
            (name, value) -> {
              outputs.add(name + " = " + Literals.describe(value));
              outcome
                  .files()
                  .getOrDefault(name, List.of())
                  .forEach(line -> outputs.add("  " + line));
            });
    if (outcome.outputsError() != null) {
      outputs.add("(unreadable: " + outcome.outputsError() + ")");
    }
    if (!outputs.isEmpty()) {
      add(lines, "outputs", outputs);
    }
    List<List<String>> logs = outcome.logs();
    for (int i = 0; i < logs.size(); i++) {
      String label = logs.size() > 1 ? "log, try " + (i + 1) : "log";
      add(lines, label, logs.get(i).isEmpty() ? List.of("(empty)") : logs.get(i));
    }
    return lines;
  }

  /** {@code code (kind): first line of the message}. */
  private static String error(ExecutionError error) {
    String message = error.getMessage().lines().findFirst().orElse("");
    String kind = error.getKind().name().replace("ERROR_KIND_", "").toLowerCase();
    return error.getCode() + " (" + kind + " error): " + message;
  }

  private static void add(List<String> lines, String label, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      String head = i == 0 ? label : "";
      lines.add(INDENT + head + " ".repeat(Math.max(1, LABEL - head.length())) + values.get(i));
    }
  }
}
