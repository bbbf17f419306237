package io.aloft.domain.action;

import io.aloft.domain.error.NotFound;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The action aggregate as two pure functions: {@link #decide} validates a command against the
 * current state and returns the events to store; {@link #evolve} folds one event into the state. A
 * command that changes nothing returns no events, so retries from callers are harmless.
 */
public final class Action {

  private Action() {}

  /**
   * @param state null when the action does not exist yet
   * @return the events to append, possibly none
   * @throws NotFound when the command needs an existing action
   */
  public static List<ActionEvent> decide(ActionCommand command, ActionState state) {
    Objects.requireNonNull(command, "command");
    if (state != null && !state.id().equals(command.actionId())) {
      throw new IllegalArgumentException(
          "state of " + state.id() + " passed for a command on " + command.actionId());
    }
    return switch (command) {
      case CreateAction c -> create(c, state);
      case RecordActionEvent c -> recordEvent(c, existing(state, c));
      case AbortAction c -> abort(c, existing(state, c));
    };
  }

  /** Folds {@code event} into {@code state} (null before {@link ActionCreated}). */
  public static ActionState evolve(ActionState state, ActionEvent event) {
    Objects.requireNonNull(event, "event");
    if ((state == null) != (event instanceof ActionCreated)) {
      throw new IllegalStateException(
          "event "
              + event.getClass().getSimpleName()
              + " does not fit the state of "
              + event.actionId());
    }
    return switch (event) {
      case ActionCreated e -> created(e);
      case ActionEventRecorded e -> recorded(state, e);
      case ActionAbortRequested e -> aborted(state, e);
    };
  }

  /** Re-creating an existing action is a no-op: the reference returns the existing run. */
  private static List<ActionEvent> create(CreateAction command, ActionState state) {
    return state == null ? List.of(ActionCreated.from(command)) : List.of();
  }

  private static List<ActionEvent> recordEvent(RecordActionEvent command, ActionState state) {
    var key = command.key();
    var verdict = PhaseRules.judge(state.phase(), state.attempt(), key, state.seen().contains(key));
    // Duplicates and stale events are dropped silently: the executor retries on errors.
    return verdict == PhaseRules.Verdict.APPLY
        ? List.of(ActionEventRecorded.from(command, state))
        : List.of();
  }

  private static List<ActionEvent> abort(AbortAction command, ActionState state) {
    if (state.isTerminal()) {
      return List.of();
    }
    return List.of(
        new ActionAbortRequested(
            command.actionId(),
            command.reason(),
            command.requestedBy(),
            command.requestedAt(),
            state.phase(),
            state.attempt()));
  }

  private static ActionState existing(ActionState state, ActionCommand command) {
    if (state == null) {
      throw new NotFound(
          "action "
              + command.actionId()
              + " does not exist; create the run or enqueue the action first");
    }
    return state;
  }

  private static ActionState created(ActionCreated e) {
    return new ActionState(
        e.actionId(),
        e.parent(),
        e.type(),
        e.task(),
        ActionPhase.QUEUED,
        1,
        Set.of(),
        e.createdAt(),
        null);
  }

  private static ActionState recorded(ActionState s, ActionEventRecorded e) {
    var seen = new HashSet<>(s.seen());
    seen.add(e.key());
    return new ActionState(
        s.id(),
        s.parent(),
        s.type(),
        s.task(),
        e.key().phase(),
        e.key().attempt(),
        seen,
        s.createdAt(),
        s.abortReason());
  }

  private static ActionState aborted(ActionState s, ActionAbortRequested e) {
    return new ActionState(
        s.id(),
        s.parent(),
        s.type(),
        s.task(),
        ActionPhase.ABORTED,
        s.attempt(),
        s.seen(),
        s.createdAt(),
        e.reason());
  }
}
