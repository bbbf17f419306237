package io.aloft.adapters.connect.protocol;

import java.util.Optional;

/**
 * The one place where application and domain exceptions become Connect errors. The protocol layer
 * asks it about every handler failure that is not already a {@link ConnectException}; an empty
 * answer makes the failure an {@code internal} error whose details are only logged.
 */
@FunctionalInterface
public interface ErrorTranslator {

  Optional<ConnectException> translate(Throwable error);

  /** Translates nothing: every unexpected failure becomes {@code internal}. */
  static ErrorTranslator none() {
    return error -> Optional.empty();
  }
}
