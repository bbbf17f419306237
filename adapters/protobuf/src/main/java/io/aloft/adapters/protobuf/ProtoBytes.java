package io.aloft.adapters.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.aloft.domain.error.InvalidArgument;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Messages to and from bytes: deterministic on the way out, typed errors on the way in. */
final class ProtoBytes {

  private ProtoBytes() {}

  /**
   * Serializes with map entries sorted, so equal messages give equal bytes whatever order their
   * maps were filled in: cache keys and input hashes are computed from these bytes.
   */
  static byte[] deterministic(Message message) {
    byte[] bytes = new byte[message.getSerializedSize()];
    CodedOutputStream output = CodedOutputStream.newInstance(bytes);
    output.useDeterministicSerialization();
    try {
      message.writeTo(output);
      output.checkNoSpaceLeft();
    } catch (IOException impossible) {
      // Writing to an array of the exact size cannot fail.
      throw new UncheckedIOException(impossible);
    }
    return bytes;
  }

  /**
   * Parses {@code bytes} as the message {@code parser} reads.
   *
   * @param what names the content for the error, e.g. "inputs (aloft.core.v1.Inputs)"
   * @throws InvalidArgument when the bytes are not such a message
   */
  static <T extends Message> T parse(Parser<T> parser, byte[] bytes, String what) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidArgument(
          "the "
              + what
              + " cannot be parsed ("
              + bytes.length
              + " bytes): "
              + e.getMessage()
              + "; write it with the Aloft or Flyte SDK",
          e);
    }
  }
}
