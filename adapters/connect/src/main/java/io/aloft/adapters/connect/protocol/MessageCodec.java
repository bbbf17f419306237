package io.aloft.adapters.connect.protocol;

import com.google.protobuf.Message;

/**
 * Turns messages into bytes and back, in one of the formats a content type names. Shared by every
 * protocol: Connect names it in {@code application/<name>}, gRPC in {@code
 * application/grpc+<name>}.
 */
public interface MessageCodec {

  /** The codec's name in content types: {@code proto} or {@code json}. */
  String name();

  byte[] encode(Message message);

  /**
   * The encoded message after {@code headroom} zero bytes, for a frame header to be written into: a
   * large streamed message is then not copied again to be framed.
   */
  default byte[] encode(Message message, int headroom) {
    byte[] payload = encode(message);
    byte[] framed = new byte[headroom + payload.length];
    System.arraycopy(payload, 0, framed, headroom, payload.length);
    return framed;
  }

  /**
   * Parses a request message.
   *
   * @throws ConnectException with {@code invalid_argument} when the bytes are not such a message
   */
  <T extends Message> T decode(byte[] payload, T prototype);

  /** The invalid_argument error for a payload that could not be decoded, saying why. */
  static ConnectException undecodable(Message prototype, String codecName, String reason) {
    return new ConnectException(
        ConnectCode.INVALID_ARGUMENT,
        "could not decode the request body as "
            + codecName
            + " "
            + prototype.getDescriptorForType().getFullName()
            + ": "
            + reason);
  }
}
