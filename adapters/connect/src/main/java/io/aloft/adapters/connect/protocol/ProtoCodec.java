package io.aloft.adapters.connect.protocol;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The protobuf binary format. */
public final class ProtoCodec implements MessageCodec {

  public static final String NAME = "proto";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte[] encode(Message message) {
    return message.toByteArray();
  }

  @Override
  public byte[] encode(Message message, int headroom) {
    int size = message.getSerializedSize();
    byte[] framed = new byte[headroom + size];
    CodedOutputStream output = CodedOutputStream.newInstance(framed, headroom, size);
    try {
      message.writeTo(output);
    } catch (IOException e) {
      throw new UncheckedIOException("writing into an array cannot fail", e);
    }
    output.checkNoSpaceLeft();
    return framed;
  }

  @Override
  @SuppressWarnings("unchecked") // A prototype's parser builds messages of the prototype's class.
  public <T extends Message> T decode(byte[] payload, T prototype) {
    try {
      return (T) prototype.getParserForType().parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw MessageCodec.undecodable(prototype, NAME, e.getMessage());
    }
  }
}
