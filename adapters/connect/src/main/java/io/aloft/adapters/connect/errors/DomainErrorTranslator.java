package io.aloft.adapters.connect.errors;

import io.aloft.adapters.connect.protocol.ConnectCode;
import io.aloft.adapters.connect.protocol.ConnectException;
import io.aloft.adapters.connect.protocol.ErrorTranslator;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.error.Unavailable;
import java.util.Optional;

/**
 * The one place where domain errors become Connect codes. Domain messages are written for users, so
 * they are sent as they are; anything that is not a domain error is left to the protocol layer,
 * which reports it as {@code internal} without leaking its details.
 */
public final class DomainErrorTranslator implements ErrorTranslator {

  @Override
  public Optional<ConnectException> translate(Throwable error) {
    if (!(error instanceof DomainError domainError)) {
      return Optional.empty();
    }
    ConnectCode code = codeOf(domainError);
    String message = domainError.getMessage();
    return Optional.of(
        new ConnectException(code, message == null ? code.wireName() : message, domainError));
  }

  /** Exhaustive on purpose: a new kind of domain error must fail the build until mapped here. */
  public static ConnectCode codeOf(DomainError error) {
    return switch (error) {
      case InvalidArgument invalid -> ConnectCode.INVALID_ARGUMENT;
      case NotFound notFound -> ConnectCode.NOT_FOUND;
      case AlreadyExists exists -> ConnectCode.ALREADY_EXISTS;
      case FailedPrecondition precondition -> ConnectCode.FAILED_PRECONDITION;
      case ConcurrentModification conflict -> ConnectCode.ABORTED;
      case Unavailable unavailable -> ConnectCode.UNAVAILABLE;
    };
  }
}
