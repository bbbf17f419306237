package io.aloft.adapters.postgres.query;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Small typed accessors over R2DBC rows. */
final class Rows {

  private Rows() {}

  static String text(Readable row, String column) {
    return row.get(column, String.class);
  }

  static Instant time(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static int integer(Readable row, String column) {
    Number value = row.get(column, Number.class);
    return value == null ? 0 : value.intValue();
  }

  static Long optionalLong(Readable row, String column) {
    Number value = row.get(column, Number.class);
    return value == null ? null : value.longValue();
  }

  static long number(Readable row, String column) {
    Number value = row.get(column, Number.class);
    return value == null ? 0 : value.longValue();
  }

  static byte[] bytes(Readable row, String column) {
    return row.get(column, byte[].class);
  }

  /** A LIKE pattern that matches {@code text} literally anywhere. */
  static String containsPattern(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
