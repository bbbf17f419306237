package io.aloft.adapters.protobuf;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.SimpleType;

/** Simple types match by name after the proto's {@code SIMPLE_TYPE_} prefix. */
final class SimpleTypes {

  private static final String PREFIX = "SIMPLE_TYPE_";

  private SimpleTypes() {}

  static io.aloft.proto.core.v1.SimpleType toProto(SimpleType type) {
    return io.aloft.proto.core.v1.SimpleType.valueOf(PREFIX + type.name());
  }

  static SimpleType fromProto(io.aloft.proto.core.v1.SimpleType type, String path) {
    if (type == io.aloft.proto.core.v1.SimpleType.UNRECOGNIZED) {
      throw new InvalidArgument(
          path
              + " is an unknown simple type; use one of "
              + java.util.List.of(SimpleType.values()));
    }
    return SimpleType.valueOf(type.name().substring(PREFIX.length()));
  }
}
