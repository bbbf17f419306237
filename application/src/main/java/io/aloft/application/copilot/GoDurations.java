package io.aloft.application.copilot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Go writes and reads them ({@code time.Duration.String} and {@code
 * time.ParseDuration}), because tasks written for Flyte's copilot expect that text, e.g. {@code
 * 1h2m3.5s}, {@code 1.5ms}, {@code 0s}.
 */
final class GoDurations {

  private static final long NANOS_PER_MICRO = 1_000;
  private static final long NANOS_PER_MILLI = 1_000_000;
  private static final Pattern SEGMENT = Pattern.compile("([0-9]*)(?:\\.([0-9]*))?([^0-9.]+)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns",
          1L,
          "us",
          NANOS_PER_MICRO,
          "\u00b5s",
          NANOS_PER_MICRO,
          "\u03bcs",
          NANOS_PER_MICRO,
          "ms",
          NANOS_PER_MILLI,
          "s",
          1_000_000_000L,
          "m",
          60_000_000_000L,
          "h",
          3_600_000_000_000L);

  private GoDurations() {}

  static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    String sign = duration.isNegative() ? "-" : "";
    Duration positive = duration.abs();
    long seconds = positive.getSeconds();
    int nanos = positive.getNano();
    if (seconds == 0) {
      return sign + belowOneSecond(nanos);
    }
    StringBuilder text = new StringBuilder(sign);
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      text.append(minutes).append('m');
    }
    return text.append(seconds % 60).append(fraction(nanos, 9)).append('s').toString();
  }

  /**
   * Parses Go's duration syntax: an optional sign, then one or more decimal numbers each with a
   * unit (ns, us, µs, ms, s, m, h); "0" alone is zero.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  static Duration parse(String text) {
    boolean negative = text.startsWith("-");
    String rest = negative || text.startsWith("+") ? text.substring(1) : text;
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("a duration needs a number and a unit, e.g. 1h30m");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher segment = SEGMENT.matcher(rest);
    for (int at = 0; at < rest.length(); at = segment.end()) {
      nanos = nanos.add(segmentNanos(segment.region(at, rest.length())));
    }
    try {
      long total = nanos.setScale(0, RoundingMode.DOWN).longValueExact();
      return Duration.ofNanos(negative ? -total : total);
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException("the duration is longer than about 292 years", tooLong);
    }
  }

  private static BigDecimal segmentNanos(Matcher segment) {
    if (!segment.lookingAt()) {
      throw new IllegalArgumentException("expected a number followed by a unit, e.g. 90s");
    }
    String whole = segment.group(1);
    String fraction = segment.group(2) == null ? "" : segment.group(2);
    if (whole.isEmpty() && fraction.isEmpty()) {
      throw new IllegalArgumentException("a unit is not preceded by a number");
    }
    Long unit = NANOS_PER_UNIT.get(segment.group(3));
    if (unit == null) {
      throw new IllegalArgumentException(
          "unknown unit '" + segment.group(3) + "'; use ns, us, ms, s, m or h");
    }
    BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + fraction + "0");
    return number.multiply(BigDecimal.valueOf(unit));
  }

  private static String belowOneSecond(int nanos) {
    if (nanos < NANOS_PER_MICRO) {
      return nanos + "ns";
    }
    if (nanos < NANOS_PER_MILLI) {
      return nanos / NANOS_PER_MICRO + fraction(nanos % NANOS_PER_MICRO, 3) + "\u00b5s";
    }
    return nanos / NANOS_PER_MILLI + fraction(nanos % NANOS_PER_MILLI, 6) + "ms";
  }

  /** ".5" for 500 of 3 digits; nothing for zero: Go drops trailing zeros and a bare point. */
  private static String fraction(long value, int digits) {
    if (value == 0) {
      return "";
    }
    String padded = String.format("%0" + digits + "d", value);
    return "." + padded.replaceFirst("0+$", "");
  }
}
