package io.aloft.adapters.connect.mapping;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Proto messages to and from the opaque bytes the domain stores. */
public final class ProtoBytes {

  private ProtoBytes() {}

  /**
   * Serializes with sorted map entries, so equal messages give equal bytes whatever order their
   * maps were filled in. Digests and idempotency checks compare these bytes.
   */
  public static byte[] deterministic(Message message) {
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
   * Parses bytes the server stored itself. A failure means corrupt storage, not a bad request, so
   * it is an internal error rather than an invalid argument.
   */
  public static <T extends Message> T parseStored(Parser<T> parser, byte[] bytes, String what) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException corrupt) {
      throw new IllegalStateException("the stored " + what + " cannot be parsed", corrupt);
    }
  }
}
