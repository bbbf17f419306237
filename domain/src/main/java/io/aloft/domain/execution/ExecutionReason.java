package io.aloft.domain.execution;

/** Why a TaskAction is in its state: the reference's condition reasons. */
public enum ExecutionReason {
  QUEUED,
  INITIALIZING,
  EXECUTING,
  COMPLETED,
  RETRYABLE_FAILURE,
  PERMANENT_FAILURE,
  ABORTED,
  PLUGIN_NOT_FOUND,
  INVALID_SPEC,
  PAUSED,
  SIGNALED,
  TIMED_OUT
}
