package io.aloft.domain.error;

/**
 * The small, closed set of failures the domain and the use cases report. Adapters map each kind to
 * their own status codes in exactly one place (for Connect: the connect adapter's error mapper).
 * Messages are written for the user: they say what to fix.
 */
public abstract sealed class DomainError extends RuntimeException
    permits InvalidArgument,
        NotFound,
        AlreadyExists,
        FailedPrecondition,
        ConcurrentModification,
        Unavailable {

  protected DomainError(String message) {
    super(message, null, false, false);
  }

  protected DomainError(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
