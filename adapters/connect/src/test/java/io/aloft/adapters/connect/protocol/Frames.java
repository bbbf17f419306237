package io.aloft.adapters.connect.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits a streaming response body into its envelopes, as a Connect client would. */
final class Frames {

  private Frames() {}

  static List<Envelope> parse(byte[] body) {
    ByteBuffer buffer = ByteBuffer.wrap(body);
    List<Envelope> envelopes = new ArrayList<>();
    while (buffer.hasRemaining()) {
      int flags = Byte.toUnsignedInt(buffer.get());
      byte[] payload = new byte[buffer.getInt()];
      buffer.get(payload);
      envelopes.add(new Envelope(flags, payload));
    }
    return envelopes;
  }
}
