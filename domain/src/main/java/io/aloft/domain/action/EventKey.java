package io.aloft.domain.action;

import java.util.Objects;

/**
 * The identity of an executor event within one action: the executor may resend an event, and a
 * resent event carries the same key. The event store's primary key ends with these three columns.
 *
 * @param attempt the attempt the event belongs to (1 for the first)
 * @param phase never null
 * @param version bumped by the executor when it reports the same phase again with new details
 */
public record EventKey(int attempt, ActionPhase phase, int version) {

  public EventKey {
    Objects.requireNonNull(phase, "phase");
  }
}
