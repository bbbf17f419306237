package io.aloft.domain.action;

import io.aloft.domain.error.InvalidArgument;

/** The phase of an action attempt; numbers match {@code flyteidl2.common.ActionPhase}. */
public enum ActionPhase {
  UNSPECIFIED(0),
  QUEUED(1),
  WAITING_FOR_RESOURCES(2),
  INITIALIZING(3),
  RUNNING(4),
  SUCCEEDED(5),
  FAILED(6),
  ABORTED(7),
  TIMED_OUT(8),
  /** A condition waiting for its signal. */
  PAUSED(9),
  RECOVERED(10);

  private static final ActionPhase[] BY_NUMBER = values();

  private final int number;

  ActionPhase(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** SUCCEEDED, FAILED, ABORTED, TIMED_OUT and RECOVERED: the attempt will not change again. */
  public boolean isTerminal() {
    return switch (this) {
      case SUCCEEDED, FAILED, ABORTED, TIMED_OUT, RECOVERED -> true;
      default -> false;
    };
  }

  /** The phase with wire number {@code n}; throws {@link InvalidArgument} for unknown numbers. */
  public static ActionPhase fromNumber(int n) {
    if (n < 0 || n >= BY_NUMBER.length) {
      throw new InvalidArgument(
          "action phase " + n + " is unknown: use a number from 0 to " + (BY_NUMBER.length - 1));
    }
    return BY_NUMBER[n];
  }
}
