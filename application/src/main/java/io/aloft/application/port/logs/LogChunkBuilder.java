package io.aloft.application.port.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the raw bytes of a log, fed in pieces as they are read, into {@link LogChunk}s of complete
 * lines. Lines end at {@code '\n'}, and a {@code '\r'} before it is dropped. A line longer than
 * {@link #MAX_LINE_BYTES} is cut into pieces of that size, so a task printing gigabytes without a
 * newline costs bounded memory. Malformed UTF-8 becomes U+FFFD, as a String decoder would make it,
 * so every line is valid UTF-8 for the API. A line not yet ended stays here until its break (or
 * {@link #flush}) arrives. Not thread-safe: one reader feeds it.
 */
public final class LogChunkBuilder {

  /** The longest line emitted, in bytes; longer ones are split. */
  public static final int MAX_LINE_BYTES = 16 * 1024;

  /** The lines since the last take; allocated at the size the next read needs, then handed on. */
  private byte[] text = new byte[0];

  private int size;
  private int[] ends = new int[16];
  private int count;

  /** The start of a line whose break has not been read yet. */
  private final byte[] partial = new byte[MAX_LINE_BYTES];

  private int partialSize;

  /** Adds {@code length} bytes of the log from {@code bytes[offset]}. */
  public LogChunkBuilder append(byte[] bytes, int offset, int length) {
    int end = offset + length;
    // Room for the bytes, a break per cut line and a little for replacement characters: one
    // allocation per read in the common case, since a taken chunk keeps its array.
    ensureText(size + partialSize + length + length / MAX_LINE_BYTES + 64);
    int start = offset;
    while (start < end) {
      int room = MAX_LINE_BYTES - partialSize; // what the line being read can still take
      int limit = Math.min(end, start + room);
      int i = start;
      while (i < limit && bytes[i] != '\n') {
        i++;
      }
      if (i == end) {
        // No break yet, and it fits: wait for the rest.
        System.arraycopy(bytes, start, partial, partialSize, end - start);
        partialSize += end - start;
        start = end;
      } else if (bytes[i] == '\n') {
        emit(bytes, start, i, true);
        start = i + 1;
      } else {
        emit(bytes, start, i, false); // a full line and more to come: cut here
        start = i;
      }
    }
    return this;
  }

  /** Whether a line has been started and not ended. */
  public boolean hasPartial() {
    return partialSize > 0;
  }

  /** Ends the line being read, if any, as if its break had come (the log has ended). */
  public LogChunkBuilder flush() {
    if (partialSize > 0) {
      emit(partial, 0, 0, true);
    }
    return this;
  }

  /** Forgets the line being read (the log was truncated under it). */
  public void dropPartial() {
    partialSize = 0;
  }

  /** The complete lines added since the last take; the line being read stays. */
  public LogChunk take() {
    if (count == 0) {
      return LogChunk.EMPTY;
    }
    LogChunk chunk = new LogChunk(text, Arrays.copyOf(ends, count), count);
    text = new byte[0];
    size = 0;
    count = 0;
    return chunk;
  }

  /** Emits the partial line followed by {@code bytes[from, to)} as one line. */
  private void emit(byte[] bytes, int from, int to, boolean lineBreak) {
    int length = partialSize + to - from;
    if (lineBreak && length > 0 && lastByte(bytes, from, to) == '\r') {
      length--;
    }
    int fromPartial = Math.min(partialSize, length);
    ensureText(size + length + 1);
    System.arraycopy(partial, 0, text, size, fromPartial);
    System.arraycopy(bytes, from, text, size + fromPartial, length - fromPartial);
    partialSize = 0;
    if (!isAscii(text, size, length)) {
      byte[] clean =
          new String(text, size, length, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
      ensureText(size + clean.length + 1);
      System.arraycopy(clean, 0, text, size, clean.length);
      length = clean.length;
    }
    size += length;
    text[size] = '\n';
    addEnd(size);
    size++;
  }

  private byte lastByte(byte[] bytes, int from, int to) {
    return to > from ? bytes[to - 1] : partial[partialSize - 1];
  }

  /** A branch-free pass the JIT can vectorise: any byte with its high bit set is not ASCII. */
  private static boolean isAscii(byte[] bytes, int from, int length) {
    int any = 0;
    for (int i = from; i < from + length; i++) {
      any |= bytes[i];
    }
    return any >= 0;
  }

  private void addEnd(int end) {
    if (count == ends.length) {
      ends = Arrays.copyOf(ends, count * 2);
    }
    ends[count++] = end;
  }

  private void ensureText(int capacity) {
    if (capacity > text.length) {
      text = Arrays.copyOf(text, Math.max(capacity, text.length + text.length / 2));
    }
  }
}
