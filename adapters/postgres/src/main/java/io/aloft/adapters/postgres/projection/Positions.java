package io.aloft.adapters.postgres.projection;

import org.axonframework.eventhandling.TrackingToken;

/** The global event-store position an event was read at, from its tracking token. */
final class Positions {

  private Positions() {}

  static long of(TrackingToken token) {
    if (token == null) {
      throw new IllegalStateException("projections must run in a streaming event processor");
    }
    return token.position().orElseThrow();
  }
}
