package io.aloft.application.data;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One line of a task's log.
 *
 * @param timestamp nullable: the RFC 3339 timestamp the line started with, if any
 * @param message the rest of the line, ending with its line break (clients print messages as they
 *     are)
 */
public record LogLine(Instant timestamp, String message) {

  /** "2006-01-02T15:04:05Z" is the shortest RFC 3339 time; with nanoseconds and an offset, 35. */
  private static final int MIN_STAMP = 20;

  private static final int MAX_STAMP = 35;

  /** The range of times the API's timestamps can carry: years 1 to 9999. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  public LogLine {
    Objects.requireNonNull(message, "message");
  }

  /**
   * Splits a leading RFC 3339 timestamp (as container runtimes write them, e.g. {@code
   * 2026-11-21T10:00:00.123456789Z}) followed by one space off {@code line}; a line without one is
   * all message.
   */
  public static LogLine parse(String line) {
    int space = line.indexOf(' ');
    if (space >= MIN_STAMP && space <= MAX_STAMP && looksLikeDate(line)) {
      Instant utc = utcStamp(line, space);
      if (utc != null) {
        return new LogLine(utc, line.substring(space + 1) + "\n");
      }
      try {
        Instant at =
            OffsetDateTime.parse(line.substring(0, space), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
        if (!at.isBefore(EARLIEST) && !at.isAfter(LATEST)) {
          return new LogLine(at, line.substring(space + 1) + "\n");
        }
      } catch (DateTimeParseException notATimestamp) {
        // an ordinary line that happens to start like a date
      }
    }
    return new LogLine(null, line + "\n");
  }

  /**
   * The common {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z} form read digit by digit: a log can run at a
   * million lines a second, and the general parser costs microseconds a line. Null for any other
   * form (an offset, an out-of-range field), which the general parser then decides.
   */
  static Instant utcStamp(String line, int end) {
    if (line.charAt(end - 1) != 'Z'
        || line.charAt(13) != ':'
        || line.charAt(16) != ':'
        || (end > 20 && line.charAt(19) != '.')) {
      return null;
    }
    int year = digits(line, 0, 4);
    int month = digits(line, 5, 7);
    int day = digits(line, 8, 10);
    int hour = digits(line, 11, 13);
    int minute = digits(line, 14, 16);
    int second = digits(line, 17, 19);
    int fractionDigits = end - 21;
    if (year < 1
        || month < 1
        || month > 12
        || day < 1
        || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
        || hour > 23
        || minute > 59
        || second > 59
        || fractionDigits > 9
        || end > 20 && fractionDigits < 1) {
      return null;
    }
    int nanos = 0;
    if (fractionDigits > 0) {
      int fraction = digits(line, 20, end - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * (int) Math.pow(10, 9 - fractionDigits);
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The decimal number in {@code [from, to)}, or -1 if any character there is no digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean looksLikeDate(String line) {
    return Character.isDigit(line.charAt(0))
        && line.charAt(4) == '-'
        && line.charAt(7) == '-'
        && line.charAt(10) == 'T';
  }
}
