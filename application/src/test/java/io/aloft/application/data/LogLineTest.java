package io.aloft.application.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogLineTest {

  @Test
  void givenALeadingRfc3339NanoTimestamp_WhenParsed_ThenItIsSplitOff() {
    LogLine line = LogLine.parse("2026-01-02T03:04:05.123456789Z started step 1");

    assertThat(line.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456789Z"));
    assertThat(line.message()).isEqualTo("started step 1\n");
  }

  @Test
  void givenATimestampWithAnOffset_WhenParsed_ThenItIsConvertedToUtc() {
    LogLine line = LogLine.parse("2026-01-02T03:04:05+02:00 x");

    assertThat(line.timestamp()).isEqualTo(Instant.parse("2026-01-02T01:04:05Z"));
    assertThat(line.message()).isEqualTo("x\n");
  }

  @Test
  void givenLinesWithoutATimestamp_WhenParsed_ThenTheWholeLineIsTheMessage() {
    assertThat(LogLine.parse("line 7")).isEqualTo(new LogLine(null, "line 7\n"));
    assertThat(LogLine.parse("")).isEqualTo(new LogLine(null, "\n"));
    assertThat(LogLine.parse("2026-13-45T99:00:00Z not a date").timestamp()).isNull();
    assertThat(LogLine.parse("2026-01-02 03:04:05 a date, but not RFC 3339").timestamp()).isNull();
    assertThat(LogLine.parse("0000-01-01T00:00:00Z before year one").timestamp()).isNull();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "2026-01-02T03:04:05Z",
        "2026-01-02T03:04:05.1Z",
        "2026-01-02T03:04:05.12Z",
        "2026-01-02T03:04:05.123456Z",
        "2026-01-02T03:04:05.123456789Z",
        "2024-02-29T23:59:59.999999999Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "1969-12-31T23:59:59.5Z"
      })
  void theFastUtcPathReadsWhatTheGeneralParserReads(String stamp) {
    assertThat(LogLine.parse(stamp + " x").timestamp()).isEqualTo(Instant.parse(stamp));
    assertThat(LogLine.parse(stamp + " x").message()).isEqualTo("x\n");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "2023-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-01-02T24:00:00Z",
        "2026-01-02T03:04:05.Z",
        "2026-01-02T03:04:05.1234567890Z",
        "2026-01-02T03:04:05,1Z",
        "2026-0a-02T03:04:05Z"
      })
  void whatTheFastUtcPathRefusesTheGeneralParserDecides(String stamp) {
    assertThat(LogLine.parse(stamp + " x").timestamp()).isEqualTo(generalParser(stamp));
  }

  @org.junit.jupiter.api.Test
  void aStampFollowedByNonAsciiTextKeepsTheTextWhole() {
    LogLine line = LogLine.parse("2026-01-02T03:04:05Z héllo ✓");

    assertThat(line.message()).isEqualTo("héllo ✓\n");
  }

  private static Instant generalParser(String stamp) {
    try {
      return java.time.OffsetDateTime.parse(stamp).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
