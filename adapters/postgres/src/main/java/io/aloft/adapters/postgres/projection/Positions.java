package io.aloft.adapters.postgres.projection;

import org.axonframework.eventhandling.TrackingToken;

/**
 * The processor's global event-store position when it read an event. For an event that committed
 * late (a gap Axon filled) this is the highest position seen, not the event's own: reference only.
 */
final class Positions {

  private Positions() {}

  static long of(TrackingToken token) {
    if (token == null) {
      throw new IllegalStateException("projections must run in a streaming event processor");
    }
    return token.position().orElseThrow();
  }
}
