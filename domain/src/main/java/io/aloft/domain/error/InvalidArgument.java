package io.aloft.domain.error;

/** The request is malformed or breaks a rule; the message names the field and the rule. */
public final class InvalidArgument extends DomainError {

  public InvalidArgument(String message) {
    super(message);
  }

  public InvalidArgument(String message, Throwable cause) {
    super(message, cause);
  }
}
