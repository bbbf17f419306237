package io.aloft.adapters.connect.protocol;

import java.nio.ByteBuffer;

/**
 * One frame of a Connect (and gRPC) stream: a flags byte, a 4-byte big-endian payload length and
 * the payload. Flag 0x01 marks a compressed payload, 0x02 Connect's end-of-stream message.
 *
 * @param flags the flags byte, 0 to 255
 * @param payload the message bytes, compressed if {@link #compressed()}
 */
public record Envelope(int flags, byte[] payload) {

  public static final int HEADER_BYTES = 5;
  public static final int COMPRESSED = 0x01;
  public static final int END_STREAM = 0x02;

  public Envelope {
    if (flags < 0 || flags > 0xFF) {
      throw new IllegalArgumentException("flags must fit in one byte: " + flags);
    }
  }

  public static Envelope message(byte[] payload, boolean compressed) {
    return new Envelope(compressed ? COMPRESSED : 0, payload);
  }

  public static Envelope endStream(byte[] json) {
    return new Envelope(END_STREAM, json);
  }

  public boolean compressed() {
    return (flags & COMPRESSED) != 0;
  }

  public boolean endStream() {
    return (flags & END_STREAM) != 0;
  }

  /** The frame as it goes on the wire. */
  /**
   * Writes an uncompressed message frame's header into the first {@link #HEADER_BYTES} bytes of
   * {@code frame}, whose rest is the message.
   */
  public static byte[] frameInPlace(byte[] frame) {
    ByteBuffer.wrap(frame).put((byte) 0).putInt(frame.length - HEADER_BYTES);
    return frame;
  }

  public byte[] toBytes() {
    return ByteBuffer.allocate(HEADER_BYTES + payload.length)
        .put((byte) flags)
        .putInt(payload.length)
        .put(payload)
        .array();
  }

  /**
   * Parses a request body that must hold exactly one message envelope, as the request of a
   * server-streaming call does.
   *
   * @throws ConnectException {@code invalid_argument} for a missing, truncated or extra frame or an
   *     unexpected flag; {@code resource_exhausted} when the frame announces more than maxBytes
   */
  public static Envelope readSingle(byte[] body, int maxBytes) {
    if (body.length < HEADER_BYTES) {
      throw invalid(
          "the request envelope is truncated: "
              + body.length
              + " bytes where a 5-byte header was expected");
    }
    ByteBuffer frame = ByteBuffer.wrap(body);
    int flags = Byte.toUnsignedInt(frame.get());
    long length = Integer.toUnsignedLong(frame.getInt());
    if (length > maxBytes) {
      throw Compression.tooLarge(maxBytes);
    }
    long actual = body.length - HEADER_BYTES;
    if (actual < length) {
      throw invalid(
          "the request envelope is truncated: it announces "
              + length
              + " bytes but holds "
              + actual);
    }
    if (actual > length) {
      throw invalid("the request holds more than one message; this method takes exactly one");
    }
    if ((flags & ~COMPRESSED) != 0) {
      throw invalid("the request envelope has unexpected flags 0x" + Integer.toHexString(flags));
    }
    byte[] payload = new byte[(int) length];
    frame.get(payload);
    return new Envelope(flags, payload);
  }

  private static ConnectException invalid(String message) {
    return new ConnectException(ConnectCode.INVALID_ARGUMENT, message);
  }
}
