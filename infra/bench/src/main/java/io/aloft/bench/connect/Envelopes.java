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

  /** The start of a frame whose end has not arrived yet. */
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  /** The pending frame's message length, once its header is complete. */
  private int pendingLength;

  public static byte[] frame(byte[] message) {
    return ByteBuffer.allocate(HEADER + message.length)
        .put((byte) DATA)
        .putInt(message.length)
        .put(message)
        .array();
  }

  /**
   * Adds a chunk and returns the frames it completed, in order. The bytes of an incomplete frame
   * are kept once, so a large frame arriving in many chunks costs one copy, not one per chunk.
   */
  public List<Frame> feed(byte[] chunk) {
    List<Frame> frames = new ArrayList<>();
    int offset = 0;
    if (pending.size() > 0) {
      offset = fillPending(chunk, frames);
      if (offset < 0) {
        return frames; // still incomplete
      }
    }
    while (chunk.length - offset >= HEADER) {
      ByteBuffer header = ByteBuffer.wrap(chunk, offset, HEADER);
      int flags = header.get() & 0xff;
      int length = header.getInt();
      int start = offset + HEADER;
      if (chunk.length - start < length) {
        break;
      }
      frames.add(new Frame(flags, Arrays.copyOfRange(chunk, start, start + length)));
      offset = start + length;
    }
    if (chunk.length - offset >= HEADER) {
      pendingLength = ByteBuffer.wrap(chunk, offset + 1, 4).getInt();
    }
    pending.write(chunk, offset, chunk.length - offset);
    return frames;
  }

  /**
   * Completes the pending frame from the start of {@code chunk}: returns where the rest of the
   * chunk starts once a frame is complete, or -1 when the chunk went into the pending frame whole.
   */
  private int fillPending(byte[] chunk, List<Frame> frames) {
    int needed = HEADER - pending.size();
    if (needed > 0) {
      int take = Math.min(needed, chunk.length);
      pending.write(chunk, 0, take);
      if (take < needed) {
        return -1;
      }
      byte[] header = pending.toByteArray();
      pendingLength = ByteBuffer.wrap(header, 1, 4).getInt();
      return continuePending(chunk, take, frames);
    }
    return continuePending(chunk, 0, frames);
  }

  private int continuePending(byte[] chunk, int from, List<Frame> frames) {
    int missing = HEADER + pendingLength - pending.size();
    int take = Math.min(missing, chunk.length - from);
    pending.write(chunk, from, take);
    if (take < missing) {
      return -1;
    }
    byte[] frame = pending.toByteArray();
    frames.add(new Frame(frame[0] & 0xff, Arrays.copyOfRange(frame, HEADER, frame.length)));
    pending.reset();
    return from + take;
  }
}
