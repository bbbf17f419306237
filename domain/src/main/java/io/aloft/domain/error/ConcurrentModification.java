package io.aloft.domain.error;

/** Another writer changed the same thing first; retrying may succeed. */
public final class ConcurrentModification extends DomainError {

  public ConcurrentModification(String message) {
    super(message);
  }

  public ConcurrentModification(String message, Throwable cause) {
    super(message, cause);
  }
}
