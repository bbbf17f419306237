package io.aloft.application.copilot;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;

/**
 * Signals, inside the upload pipeline, that the task's outputs are unusable; the uploader turns it
 * into {@link UploadResult.Rejected}. It never leaves the package, unlike storage failures, which
 * stay errors so the caller treats them as system failures.
 */
final class OutputRejected extends RuntimeException {

  /** The reference copilot's code for outputs it cannot upload. */
  static final String CODE = "OutputUploadFailed";

  private final transient ExecutionError error;

  OutputRejected(ExecutionError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  static OutputRejected because(String message) {
    return new OutputRejected(error(message));
  }

  /** A user error with {@link #CODE} and this message. */
  static ExecutionError error(String message) {
    return new ExecutionError(CODE, message, ErrorKind.USER, null, null);
  }

  ExecutionError error() {
    return error;
  }
}
