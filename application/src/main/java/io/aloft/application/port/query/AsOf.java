package io.aloft.application.port.query;

import io.aloft.domain.error.InvalidArgument;
import java.time.Instant;
import java.util.Objects;

/**
 * A point in the event history for point-in-time reads, inclusive: every event at or before a
 * global event-store position, or recorded at or before a time. A point past the head (a position
 * not reached yet, a future time) includes every event, so it reads the current state.
 */
public sealed interface AsOf {

  /** Whether an event stored at {@code position} and recorded at {@code recordedAt} is included. */
  boolean includes(long position, Instant recordedAt);

  /** The event-store positions this point cannot go past: a bound for the query. */
  long maxPosition();

  /** The point in words, for messages. */
  String describe();

  /** The global event-store position, as GetRunDetails and GetActionDetails report it. */
  record Position(long position) implements AsOf {

    public Position {
      if (position < 0) {
        throw new InvalidArgument(
            "as_of.position must not be negative (got "
                + position
                + "); use a position a details response or an event reported");
      }
    }

    @Override
    public boolean includes(long at, Instant recordedAt) {
      return at <= position;
    }

    @Override
    public long maxPosition() {
      return position;
    }

    @Override
    public String describe() {
      return "position " + position;
    }
  }

  /** The time the event store recorded events at. */
  record Time(Instant time) implements AsOf {

    public Time {
      Objects.requireNonNull(time, "time");
    }

    @Override
    public boolean includes(long position, Instant recordedAt) {
      return !recordedAt.isAfter(time);
    }

    @Override
    public long maxPosition() {
      return Long.MAX_VALUE;
    }

    @Override
    public String describe() {
      return time.toString();
    }
  }
}
