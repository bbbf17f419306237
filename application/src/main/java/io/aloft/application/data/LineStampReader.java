package io.aloft.application.data;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Splits the RFC 3339 timestamp a log line may start with (as container runtimes write them, e.g.
 * {@code 2026-11-21T10:00:00.123456789Z}, followed by one space) off the line, reading its UTF-8
 * bytes in place: a log can run at a million lines a second. Reused from line to line, so it is
 * mutable and not thread-safe.
 */
public final class LineStampReader {

  /** "2006-01-02T15:04:05Z" is the shortest RFC 3339 time; with nanoseconds and an offset, 35. */
  private static final int MIN_STAMP = 20;

  private static final int MAX_STAMP = 35;

  /** The range of times the API's timestamps can carry: years 1 to 9999. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** "YYYY-MM-DDTHH:MM:SS": lines logged within the same second share it. */
  private static final int SECOND_PREFIX = 19;

  private boolean stamped;
  private long seconds;
  private int nanos;
  private int messageStart;

  /** The last whole-second prefix read in the UTC form, and its seconds since the epoch. */
  private final byte[] lastPrefix = new byte[SECOND_PREFIX];

  private long lastPrefixSeconds = Long.MIN_VALUE;

  /** Reads the line {@code text[start, end)}, without its break. */
  public void read(byte[] text, int start, int end) {
    stamped = false;
    messageStart = start;
    int space = indexOfSpace(text, start, Math.min(end, start + MAX_STAMP + 1));
    if (space - start < MIN_STAMP || !looksLikeDate(text, start)) {
      return;
    }
    if (!readUtc(text, start, space) && !readWithOffset(text, start, space)) {
      return;
    }
    stamped = true;
    messageStart = space + 1;
  }

  /** Whether the line started with a timestamp. */
  public boolean stamped() {
    return stamped;
  }

  /** The timestamp's seconds since the epoch; meaningful when {@link #stamped}. */
  public long seconds() {
    return seconds;
  }

  public int nanos() {
    return nanos;
  }

  /** The timestamp, or null when the line has none. */
  public Instant timestamp() {
    return stamped ? Instant.ofEpochSecond(seconds, nanos) : null;
  }

  /** Where the message starts: after the timestamp and its space, else the line's start. */
  public int messageStart() {
    return messageStart;
  }

  /**
   * The common {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z} form read digit by digit; false for any
   * other form (an offset, an out-of-range field), which the general parser then decides.
   */
  private boolean readUtc(byte[] text, int at, int end) {
    if (text[end - 1] != 'Z'
        || text[at + 13] != ':'
        || text[at + 16] != ':'
        || (end - at > 20 && text[at + 19] != '.')) {
      return false;
    }
    int fractionDigits = end - at - 21;
    if (fractionDigits > 9 || end - at > 20 && fractionDigits < 1) {
      return false;
    }
    int fraction = 0;
    if (fractionDigits > 0) {
      fraction = digits(text, at + 20, end - 1);
      if (fraction < 0) {
        return false;
      }
      for (int i = fractionDigits; i < 9; i++) {
        fraction *= 10;
      }
    }
    if (lastPrefixSeconds == Long.MIN_VALUE
        || !Arrays.equals(text, at, at + SECOND_PREFIX, lastPrefix, 0, SECOND_PREFIX)) {
      long prefixSeconds = wholeSeconds(text, at);
      if (prefixSeconds == Long.MIN_VALUE) {
        return false;
      }
      System.arraycopy(text, at, lastPrefix, 0, SECOND_PREFIX);
      lastPrefixSeconds = prefixSeconds;
    }
    seconds = lastPrefixSeconds;
    nanos = fraction;
    return true;
  }

  /** The seconds since the epoch of {@code YYYY-MM-DDTHH:MM:SS} at {@code at}, or MIN_VALUE. */
  private static long wholeSeconds(byte[] text, int at) {
    int year = digits(text, at, at + 4);
    int month = digits(text, at + 5, at + 7);
    int day = digits(text, at + 8, at + 10);
    int hour = digits(text, at + 11, at + 13);
    int minute = digits(text, at + 14, at + 16);
    int second = digits(text, at + 17, at + 19);
    if (year < 1
        || month < 1
        || month > 12
        || day < 1
        || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
        || hour > 23
        || minute > 59
        || second > 59) {
      return Long.MIN_VALUE;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return days * 86_400 + hour * 3_600L + minute * 60L + second;
  }

  /** Any other RFC 3339 form, through the general (slower) parser. */
  private boolean readWithOffset(byte[] text, int at, int end) {
    try {
      Instant instant =
          OffsetDateTime.parse(
                  new String(text, at, end - at, StandardCharsets.ISO_8859_1),
                  DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant();
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        return false;
      }
      seconds = instant.getEpochSecond();
      nanos = instant.getNano();
      return true;
    } catch (DateTimeParseException notATimestamp) {
      return false; // an ordinary line that happens to start like a date
    }
  }

  private static int indexOfSpace(byte[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] == ' ') {
        return i;
      }
    }
    return -1;
  }

  /** The decimal number in {@code [from, to)}, or -1 if any byte there is no digit. */
  private static int digits(byte[] text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static boolean looksLikeDate(byte[] text, int at) {
    return text[at] >= '0'
        && text[at] <= '9'
        && text[at + 4] == '-'
        && text[at + 7] == '-'
        && text[at + 10] == 'T';
  }
}
