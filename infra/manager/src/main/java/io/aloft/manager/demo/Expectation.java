package io.aloft.manager.demo;

import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.ErrorKind;
import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.run.v1.ActionDetails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a sample's run must end.
 *
 * @param summary what is expected, in words
 * @param check the ways the outcome differs from it; empty when it is as expected
 */
record Expectation(String summary, Function<RunOutcome, List<String>> check) {

  List<String> problems(RunOutcome outcome) {
    return check.apply(outcome);
  }

  @SafeVarargs
  static List<String> problems(Optional<String>... checks) {
    List<String> problems = new ArrayList<>();
    Arrays.stream(checks).forEach(check -> check.ifPresent(problems::add));
    return problems;
  }

  static Optional<String> phase(RunOutcome outcome, ActionPhase expected) {
    ActionPhase actual = outcome.details().getStatus().getPhase();
    return actual == expected
        ? Optional.empty()
        : Optional.of("ended " + Literals.phase(actual) + ", not " + Literals.phase(expected));
  }

  static Optional<String> attempts(RunOutcome outcome, int expected) {
    ActionDetails details = outcome.details();
    int actual = details.getStatus().getAttempts();
    if (actual != expected) {
      return Optional.of("made " + actual + " attempt(s), not " + expected);
    }
    boolean earlierFailed =
        details.getAttemptsList().stream()
            .filter(attempt -> attempt.getAttempt() < expected)
            .allMatch(attempt -> attempt.getPhase() == ActionPhase.ACTION_PHASE_FAILED);
    return earlierFailed
        ? Optional.empty()
        : Optional.of("an attempt before attempt " + expected + " did not fail");
  }

  static Optional<String> integerOutput(RunOutcome outcome, String name, long expected) {
    if (outcome.outputsError() != null) {
      return Optional.of("outputs unreadable: " + outcome.outputsError());
    }
    Literal value = outcome.outputs().get(name);
    if (value == null) {
      return Optional.of("no output '" + name + "'");
    }
    long actual = value.getScalar().getPrimitive().getInteger();
    return actual == expected
        ? Optional.empty()
        : Optional.of("output " + name + " = " + Literals.describe(value) + ", not " + expected);
  }

  static Optional<String> blobOutput(RunOutcome outcome, String name) {
    if (outcome.outputsError() != null) {
      return Optional.of("outputs unreadable: " + outcome.outputsError());
    }
    Literal value = outcome.outputs().get(name);
    return value != null && !value.getScalar().getBlob().getUri().isEmpty()
        ? Optional.empty()
        : Optional.of("no file output '" + name + "'");
  }

  static Optional<String> children(RunOutcome outcome, int count, ActionPhase phase) {
    long matching = outcome.children().values().stream().filter(p -> p == phase).count();
    return outcome.children().size() == count && matching == count
        ? Optional.empty()
        : Optional.of(
            "expected "
                + count
                + " children "
                + Literals.phase(phase)
                + ", saw "
                + outcome.children());
  }

  static Optional<String> error(RunOutcome outcome, ErrorKind kind, String messagePart) {
    var error = outcome.details().getErrorInfo();
    if (error.getKind() != kind) {
      return Optional.of("error kind " + error.getKind() + ", not " + kind);
    }
    return error.getMessage().contains(messagePart)
        ? Optional.empty()
        : Optional.of("error message '" + error.getMessage() + "' lacks '" + messagePart + "'");
  }
}
