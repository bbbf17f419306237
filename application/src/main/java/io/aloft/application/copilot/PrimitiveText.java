package io.aloft.application.copilot;

import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.Primitive.BooleanValue;
import io.aloft.domain.literal.Primitive.DatetimeValue;
import io.aloft.domain.literal.Primitive.DurationValue;
import io.aloft.domain.literal.Primitive.FloatValue;
import io.aloft.domain.literal.Primitive.IntegerValue;
import io.aloft.domain.literal.Primitive.StringValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Primitives as the text files a task reads, written the way Flyte's copilot (Go) writes them so
 * that tasks move between the two unchanged.
 */
final class PrimitiveText {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private PrimitiveText() {}

  static String format(Primitive primitive) {
    return switch (primitive) {
      case IntegerValue v -> Long.toString(v.value());
      case FloatValue v -> shortestFloat(v.value());
      case StringValue v -> v.value();
      case BooleanValue v -> Boolean.toString(v.value());
      case DatetimeValue v -> rfc3339Nano(v.value());
      case DurationValue v -> GoDurations.format(v.value());
    };
  }

  /**
   * The shortest decimal that reads back as the same double, without an exponent (Go's {@code
   * FormatFloat(f, 'f', -1, 64)}): 2.5, 3, 0.0000001, 100000000000000000000.
   */
  static String shortestFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      // BigDecimal has no negative zero.
      return 1 / value < 0 ? "-0" : "0";
    }
    // Double.toString gives the shortest round-tripping digits since Java 19.
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** RFC 3339 in UTC with as many fraction digits as needed (Go's RFC3339Nano). */
  static String rfc3339Nano(Instant instant) {
    String fraction = "";
    if (instant.getNano() != 0) {
      fraction = "." + String.format("%09d", instant.getNano()).replaceFirst("0+$", "");
    }
    return SECONDS.format(instant) + fraction + "Z";
  }
}
