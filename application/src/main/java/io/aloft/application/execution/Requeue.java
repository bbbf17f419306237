package io.aloft.application.execution;

import java.time.Duration;

/** When a TaskAction should be looked at again after a reconcile pass. */
record Requeue(Duration after) {

  /** Only news (a change, a plugin wake-up, the periodic resync) brings it back. */
  static final Requeue NEVER = new Requeue(null);

  static final Requeue NOW = new Requeue(Duration.ZERO);

  static Requeue after(Duration delay) {
    return new Requeue(delay);
  }

  boolean requested() {
    return after != null;
  }

  /** The sooner of the two. */
  Requeue orSooner(Duration other) {
    if (other == null) {
      return this;
    }
    Duration bounded = other.isNegative() ? Duration.ZERO : other;
    return after == null || bounded.compareTo(after) < 0 ? new Requeue(bounded) : this;
  }
}
