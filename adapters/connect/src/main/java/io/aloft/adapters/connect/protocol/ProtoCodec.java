package io.aloft.adapters.connect.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

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
  @SuppressWarnings("unchecked") // A prototype's parser builds messages of the prototype's class.
  public <T extends Message> T decode(byte[] payload, T prototype) {
    try {
      return (T) prototype.getParserForType().parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw MessageCodec.undecodable(prototype, NAME, e.getMessage());
    }
  }
}
