package io.aloft.application.timetravel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Times as the read model keeps them, so a replayed view equals the live one field by field:
 * PostgreSQL stores microseconds (the driver rounds the rest to the nearest one), and the
 * projection's durations are whole milliseconds rounded half away from zero (a numeric cast).
 */
final class StoredTimes {

  private StoredTimes() {}

  static Instant micros(Instant time) {
    if (time == null) {
      return null;
    }
    int nanos = time.getNano() % 1_000;
    Instant truncated = time.minusNanos(nanos);
    return nanos >= 500 ? truncated.plusNanos(1_000) : truncated;
  }

  static long millisBetween(Instant start, Instant end) {
    Duration elapsed = Duration.between(start, end);
    long micros = elapsed.getSeconds() * 1_000_000L + elapsed.getNano() / 1_000;
    return BigDecimal.valueOf(micros, 3).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  static Instant latest(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }
}
