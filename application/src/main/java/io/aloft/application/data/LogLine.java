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

  private static boolean looksLikeDate(String line) {
    return Character.isDigit(line.charAt(0))
        && line.charAt(4) == '-'
        && line.charAt(7) == '-'
        && line.charAt(10) == 'T';
  }
}
