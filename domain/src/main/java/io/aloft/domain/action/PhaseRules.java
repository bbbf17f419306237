package io.aloft.domain.action;

/**
 * Which executor events may change an action's phase. Executor events arrive at least once and
 * possibly out of order, so an event the rules do not apply is ignored rather than reported as an
 * error: the executor must never retry forever on a late event.
 *
 * <p>Unlike the reference's numeric guard, SUCCEEDED, ABORTED and RECOVERED are final: the
 * reference lets SUCCEEDED→FAILED and ABORTED→TIMED_OUT through only because their numbers happen
 * to increase.
 */
public final class PhaseRules {

  /** The outcome of {@link #judge}. */
  public enum Verdict {
    /** Record the event and move the action to its phase and attempt. */
    APPLY,
    /** The same event was already recorded. */
    DUPLICATE,
    /** The event is older than the action's state; ignore it. */
    STALE
  }

  private PhaseRules() {}

  /**
   * Judges {@code incoming} against the action's current phase and attempt.
   *
   * @param incoming its phase is never UNSPECIFIED (the command rejects that first)
   * @param seenBefore whether an event with the same key was already recorded for the action
   */
  public static Verdict judge(
      ActionPhase current, int currentAttempt, EventKey incoming, boolean seenBefore) {
    if (seenBefore) {
      return Verdict.DUPLICATE;
    }
    if (incoming.attempt() < currentAttempt) {
      return Verdict.STALE;
    }
    return switch (current) {
      case SUCCEEDED, ABORTED, RECOVERED -> Verdict.STALE;
      case FAILED, TIMED_OUT -> isRetry(currentAttempt, incoming) ? Verdict.APPLY : Verdict.STALE;
      default -> judgeLive(current, currentAttempt, incoming);
    };
  }

  /** A retry is reported as a new attempt that starts QUEUED. */
  private static boolean isRetry(int currentAttempt, EventKey incoming) {
    return incoming.attempt() > currentAttempt && incoming.phase() == ActionPhase.QUEUED;
  }

  private static Verdict judgeLive(ActionPhase current, int currentAttempt, EventKey incoming) {
    if (incoming.attempt() > currentAttempt) {
      // A new attempt starts over, so its phase may be lower than the current one.
      return Verdict.APPLY;
    }
    if (current == ActionPhase.PAUSED) {
      // A paused condition only ends: signalled (SUCCEEDED), timed out, or aborted.
      return incoming.phase().isTerminal() ? Verdict.APPLY : Verdict.STALE;
    }
    // Equal phase with a new version is an update of the same phase, e.g. new log links.
    return incoming.phase().number() >= current.number() ? Verdict.APPLY : Verdict.STALE;
  }
}
