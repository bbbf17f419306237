package io.aloft.domain.execution;

import io.aloft.domain.action.ActionPhase;

/** What a task plugin says about its work after one look at it. */
public enum PluginPhase {
  /** Not started; the plugin wants to be asked again (e.g. waiting on a quota). */
  NOT_READY(ActionPhase.QUEUED),
  QUEUED(ActionPhase.QUEUED),
  WAITING_FOR_RESOURCES(ActionPhase.WAITING_FOR_RESOURCES),
  INITIALIZING(ActionPhase.INITIALIZING),
  RUNNING(ActionPhase.RUNNING),
  SUCCESS(ActionPhase.SUCCEEDED),
  /** Failed, but another try may succeed; the error's kind says whose fault it was. */
  RETRYABLE_FAILURE(ActionPhase.FAILED),
  /** Failed for good (e.g. a bad task specification): no retry. */
  PERMANENT_FAILURE(ActionPhase.FAILED);

  private final ActionPhase reported;

  PluginPhase(ActionPhase reported) {
    this.reported = reported;
  }

  /** The action phase this plugin phase is reported as. */
  public ActionPhase reported() {
    return reported;
  }

  public boolean isFailure() {
    return this == RETRYABLE_FAILURE || this == PERMANENT_FAILURE;
  }
}
