package io.aloft.application.data;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a task's log, as a value (TailLogs itself reads lines in place, see {@link
 * LogBatch}).
 *
 * @param timestamp nullable: the RFC 3339 timestamp the line started with, if any
 * @param message the rest of the line, ending with its line break (clients print messages as they
 *     are)
 */
public record LogLine(Instant timestamp, String message) {

  public LogLine {
    Objects.requireNonNull(message, "message");
  }

  /**
   * Splits a leading timestamp followed by one space off {@code line} (see {@link
   * LineStampReader}).
   */
  public static LogLine parse(String line) {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    LineStampReader reader = new LineStampReader();
    reader.read(text, 0, text.length);
    int start = reader.messageStart();
    return new LogLine(
        reader.timestamp(),
        new String(text, start, text.length - start, StandardCharsets.UTF_8) + "\n");
  }
}
