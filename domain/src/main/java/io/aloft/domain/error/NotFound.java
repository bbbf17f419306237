package io.aloft.domain.error;

/** The thing the request names does not exist. */
public final class NotFound extends DomainError {

  public NotFound(String message) {
    super(message);
  }

  public NotFound(String message, Throwable cause) {
    super(message, cause);
  }
}
