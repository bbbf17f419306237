package io.aloft.application.port.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogChunkBuilderTest {

  private static final int MAX = LogChunkBuilder.MAX_LINE_BYTES;

  @Test
  void linesAreSplitAtBreaksAndACarriageReturnBeforeOneIsDropped() {
    LogChunk chunk = feed("one\ntwo\r\n\nthree\n");

    assertThat(chunk.lines()).containsExactly("one", "two", "", "three");
    assertThat(new String(chunk.sharedText(), 0, chunk.byteSize(), StandardCharsets.UTF_8))
        .isEqualTo("one\ntwo\n\nthree\n");
  }

  @Test
  void aLineSplitAcrossReadsIsHeldUntilItsBreakArrives() {
    LogChunkBuilder builder = new LogChunkBuilder();
    append(builder, "first\nsec");
    LogChunk before = builder.take();
    append(builder, "ond\nthi");

    assertThat(before.lines()).containsExactly("first");
    assertThat(builder.hasPartial()).isTrue();
    assertThat(builder.take().lines()).containsExactly("second");
    assertThat(builder.flush().take().lines()).containsExactly("thi");
    assertThat(builder.hasPartial()).isFalse();
  }

  @Test
  void aCarriageReturnAtTheEndOfOneReadAndItsBreakInTheNextAreOneLineEnd() {
    LogChunkBuilder builder = new LogChunkBuilder();
    append(builder, "crlf\r");
    append(builder, "\nnext\n");

    assertThat(builder.take().lines()).containsExactly("crlf", "next");
  }

  @Test
  void aLineLongerThanTheMaximumIsCutIntoPiecesOfThatSize() {
    String line = "x".repeat(2 * MAX + 10);
    LogChunkBuilder builder = new LogChunkBuilder();
    for (int at = 0; at < line.length(); at += 1000) {
      append(builder, line.substring(at, Math.min(line.length(), at + 1000)));
    }
    append(builder, "\n");

    assertThat(builder.take().lines()).extracting(String::length).containsExactly(MAX, MAX, 10);
  }

  @Test
  void aLineOfExactlyTheMaximumFollowedByItsBreakIsOneLine() {
    LogChunkBuilder builder = new LogChunkBuilder();
    append(builder, "y".repeat(MAX));
    append(builder, "\nz\n");

    assertThat(builder.take().lines()).extracting(String::length).containsExactly(MAX, 1);
  }

  @Test
  void malformedUtf8BecomesReplacementCharactersAndValidTextIsKept() {
    byte[] bytes = {'o', 'k', (byte) 0xC3, (byte) 0xA9, '\n', 'b', 'a', 'd', (byte) 0xFF, '\n'};

    LogChunk chunk = new LogChunkBuilder().append(bytes, 0, bytes.length).take();

    assertThat(chunk.lines()).containsExactly("oké", "bad\uFFFD");
    assertThat(chunk.end(1) + 1).isEqualTo(chunk.byteSize());
  }

  @Test
  void givenChunks_WhenCutAndJoined_ThenLinesKeepTheirOrder() {
    LogChunk chunk = feed("a\nb\nc\nd\n");

    assertThat(chunk.last(2).lines()).containsExactly("c", "d");
    assertThat(chunk.first(1).lines()).containsExactly("a");
    assertThat(chunk.last(9)).isSameAs(chunk);
    assertThat(chunk.first(3).concat(feed("x\n")).lines()).containsExactly("a", "b", "c", "x");
    assertThat(LogChunk.EMPTY.concat(chunk)).isSameAs(chunk);
  }

  @Test
  void manyLinesAcrossManyReadsArriveWholeAndInOrder() {
    List<String> expected = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String line = "line " + i + " " + "z".repeat(i % 300);
      expected.add(line);
      log.append(line).append('\n');
    }
    byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
    LogChunkBuilder builder = new LogChunkBuilder();
    List<String> seen = new ArrayList<>();
    for (int at = 0; at < bytes.length; at += 4093) {
      builder.append(bytes, at, Math.min(4093, bytes.length - at));
      seen.addAll(builder.take().lines());
    }

    assertThat(seen).isEqualTo(expected);
  }

  private static LogChunk feed(String text) {
    return append(new LogChunkBuilder(), text).take();
  }

  private static LogChunkBuilder append(LogChunkBuilder builder, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return builder.append(bytes, 0, bytes.length);
  }
}
