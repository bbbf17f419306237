package io.aloft.domain.error;

/** The thing the request would create exists already, with different content. */
public final class AlreadyExists extends DomainError {

  public AlreadyExists(String message) {
    super(message);
  }

  public AlreadyExists(String message, Throwable cause) {
    super(message, cause);
  }
}
