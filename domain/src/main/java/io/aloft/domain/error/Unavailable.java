package io.aloft.domain.error;

/** A dependency (database, storage) did not answer in time; retrying may succeed. */
public final class Unavailable extends DomainError {

  public Unavailable(String message) {
    super(message);
  }

  public Unavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
