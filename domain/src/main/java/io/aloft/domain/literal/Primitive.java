package io.aloft.domain.literal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The primitive scalars; names follow the proto's oneof fields. Object values are non-null. */
public sealed interface Primitive extends Scalar {

  record IntegerValue(long value) implements Primitive {}

  record FloatValue(double value) implements Primitive {}

  record StringValue(String value) implements Primitive {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }
  }

  record BooleanValue(boolean value) implements Primitive {}

  record DatetimeValue(Instant value) implements Primitive {
    public DatetimeValue {
      Objects.requireNonNull(value, "value");
    }
  }

  record DurationValue(Duration value) implements Primitive {
    public DurationValue {
      Objects.requireNonNull(value, "value");
    }
  }
}
