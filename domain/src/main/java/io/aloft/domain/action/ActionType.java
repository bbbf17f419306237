package io.aloft.domain.action;

/** What an action runs: a task, a trace recorded by the SDK, or a condition awaiting a signal. */
public enum ActionType {
  TASK,
  TRACE,
  CONDITION
}
