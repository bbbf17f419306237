package io.aloft.adapters.protobuf;

import io.aloft.domain.literal.TypedInterface;

/** Reads a serialized {@code aloft.core.v1.TypedInterface}, e.g. from a copilot command line. */
public final class ProtoTypedInterfaces {

  private ProtoTypedInterfaces() {}

  /** Throws {@link io.aloft.domain.error.InvalidArgument} naming {@code what} when unreadable. */
  public static TypedInterface parse(byte[] bytes, String what) {
    return Interfaces.fromProto(
        ProtoBytes.parse(io.aloft.proto.core.v1.TypedInterface.parser(), bytes, what), what);
  }
}
