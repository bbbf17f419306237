package io.aloft.application.port.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Complete lines of a task's log as one block of UTF-8 text: what a {@link LogReader} had at hand
 * at one read. A fast log runs at a million lines a second, so lines stay in the bytes they were
 * read in, and TailLogs turns them into API messages without a String per line.
 *
 * <p>Every line is valid UTF-8, ends with exactly one {@code '\n'} (no {@code '\r'} before it) and
 * holds no other line break; lines follow each other without gaps. Immutable: {@link #sharedText}
 * is shared, never written, so slices of it can be handed on without copying. Build one with {@link
 * LogChunkBuilder}.
 */
public final class LogChunk {

  public static final LogChunk EMPTY = new LogChunk(new byte[0], new int[0], 0);

  private final byte[] text;

  /** ends[i] is the index of line i's {@code '\n'}; line i starts after line i-1's. */
  private final int[] ends;

  private final int count;

  LogChunk(byte[] text, int[] ends, int count) {
    this.text = text;
    this.ends = ends;
    this.count = count;
  }

  /** The lines' text, each line without its break; see {@link LogChunkBuilder} for what is kept. */
  public static LogChunk ofLines(List<String> lines) {
    LogChunkBuilder builder = new LogChunkBuilder();
    for (String line : lines) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      builder.append(bytes, 0, bytes.length);
    }
    return builder.take();
  }

  public int lineCount() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Where line {@code line} starts in {@link #sharedText}. */
  public int start(int line) {
    return line == 0 ? 0 : ends[line - 1] + 1;
  }

  /** Where line {@code line} ends in {@link #sharedText}: the index of its {@code '\n'}. */
  public int end(int line) {
    return ends[line];
  }

  /** The UTF-8 bytes of all lines, breaks included. */
  public int byteSize() {
    return count == 0 ? 0 : ends[count - 1] + 1;
  }

  /**
   * The backing text, shared to avoid a copy per line: read it, never write it. Bytes past {@link
   * #byteSize} are not part of the chunk.
   */
  public byte[] sharedText() {
    return text;
  }

  /** Line {@code line} without its break. */
  public String line(int line) {
    int start = start(line);
    return new String(text, start, end(line) - start, StandardCharsets.UTF_8);
  }

  /** Every line, without its break. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(line(i));
    }
    return lines;
  }

  /** The first {@code lines} lines (all of them if there are fewer); shares this chunk's text. */
  public LogChunk first(int lines) {
    return lines >= count ? this : new LogChunk(text, Arrays.copyOf(ends, lines), lines);
  }

  /** The last {@code lines} lines (all of them if there are fewer). */
  public LogChunk last(int lines) {
    if (lines >= count) {
      return this;
    }
    int first = count - lines;
    int offset = start(first);
    int[] kept = new int[lines];
    for (int i = 0; i < lines; i++) {
      kept[i] = ends[first + i] - offset;
    }
    return new LogChunk(Arrays.copyOfRange(text, offset, byteSize()), kept, lines);
  }

  /** This chunk's lines, then {@code later}'s. */
  public LogChunk concat(LogChunk later) {
    if (later.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return later;
    }
    int size = byteSize();
    byte[] joined = Arrays.copyOf(text, size + later.byteSize());
    System.arraycopy(later.text, 0, joined, size, later.byteSize());
    int[] joinedEnds = Arrays.copyOf(ends, count + later.count);
    for (int i = 0; i < later.count; i++) {
      joinedEnds[count + i] = later.ends[i] + size;
    }
    return new LogChunk(joined, joinedEnds, count + later.count);
  }

  @Override
  public String toString() {
    return "LogChunk[" + count + " lines, " + byteSize() + " bytes]";
  }
}
