package io.aloft.bench.connect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connect streaming envelopes: 1 flag byte, a 4-byte big-endian length, then the message. Decodes
 * incrementally, since a chunk from the network may hold part of a frame or several frames.
 */
public final class Envelopes {

  static final int DATA = 0x00;
  static final int END_STREAM = 0x02;
  private static final int HEADER = 5;

  /** One decoded frame. */
  public record Frame(int flags, byte[] payload) {
    boolean isEndStream() {
      return (flags & END_STREAM) != 0;
    }
  }

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  public static byte[] frame(byte[] message) {
    return ByteBuffer.allocate(HEADER + message.length)
        .put((byte) DATA)
        .putInt(message.length)
        .put(message)
        .array();
  }

  /** Adds a chunk and returns the frames it completed, in order. */
  public List<Frame> feed(byte[] chunk) {
    pending.writeBytes(chunk);
    byte[] buffered = pending.toByteArray();
    List<Frame> frames = new ArrayList<>();
    int offset = 0;
    while (buffered.length - offset >= HEADER) {
      ByteBuffer header = ByteBuffer.wrap(buffered, offset, HEADER);
      int flags = header.get() & 0xff;
      int length = header.getInt();
      if (buffered.length - offset - HEADER < length) {
        break;
      }
      int start = offset + HEADER;
      frames.add(new Frame(flags, Arrays.copyOfRange(buffered, start, start + length)));
      offset = start + length;
    }
    pending.reset();
    pending.write(buffered, offset, buffered.length - offset);
    return frames;
  }
}
