package io.aloft.adapters.connect.protocol;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;

/**
 * Decides the Connect error a failed call reports: a {@link ConnectException} as is, a timeout as
 * {@code deadline_exceeded}, anything else as the {@link ErrorTranslator} says, or else {@code
 * internal} with a reference that leads to the stack trace in the log.
 */
final class ErrorClassifier {

  private static final Logger log = LoggerFactory.getLogger(ErrorClassifier.class);

  private final ErrorTranslator translator;

  ErrorClassifier(ErrorTranslator translator) {
    this.translator = translator;
  }

  ConnectException classify(Throwable failure, String procedure) {
    Throwable error = Exceptions.unwrap(failure);
    if (error instanceof ConnectException connectError) {
      return connectError;
    }
    if (error instanceof TimeoutException) {
      return new ConnectException(ConnectCode.DEADLINE_EXCEEDED, "the call's deadline passed");
    }
    return translate(error, procedure).orElseGet(() -> internal(error, procedure));
  }

  private Optional<ConnectException> translate(Throwable error, String procedure) {
    try {
      return translator.translate(error);
    } catch (RuntimeException translatorFailure) {
      error.addSuppressed(translatorFailure);
      log.warn("the error translator failed on a {} error from {}", error.getClass(), procedure);
      return Optional.empty();
    }
  }

  private static ConnectException internal(Throwable error, String procedure) {
    String reference = UUID.randomUUID().toString();
    log.error("{} failed unexpectedly, reference {}", procedure, reference, error);
    return new ConnectException(
        ConnectCode.INTERNAL, "internal error; see the server log, reference " + reference);
  }
}
