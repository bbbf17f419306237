package io.aloft.domain.error;

/** The request is valid but the current state does not allow it. */
public final class FailedPrecondition extends DomainError {

  public FailedPrecondition(String message) {
    super(message);
  }

  public FailedPrecondition(String message, Throwable cause) {
    super(message, cause);
  }
}
