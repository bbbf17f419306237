package io.aloft.adapters.protobuf;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.Primitive.BooleanValue;
import io.aloft.domain.literal.Primitive.DatetimeValue;
import io.aloft.domain.literal.Primitive.DurationValue;
import io.aloft.domain.literal.Primitive.FloatValue;
import io.aloft.domain.literal.Primitive.IntegerValue;
import io.aloft.domain.literal.Primitive.StringValue;

/** Primitives between the domain and the proto. */
final class Primitives {

  private Primitives() {}

  static io.aloft.proto.core.v1.Primitive toProto(Primitive primitive) {
    var proto = io.aloft.proto.core.v1.Primitive.newBuilder();
    switch (primitive) {
      case IntegerValue v -> proto.setInteger(v.value());
      case FloatValue v -> proto.setFloatValue(v.value());
      case StringValue v -> proto.setStringValue(v.value());
      case BooleanValue v -> proto.setBoolean(v.value());
      case DatetimeValue v -> proto.setDatetime(ProtoTime.timestamp(v.value()));
      case DurationValue v -> proto.setDuration(ProtoTime.duration(v.value()));
    }
    return proto.build();
  }

  static Primitive fromProto(io.aloft.proto.core.v1.Primitive primitive, String path) {
    return switch (primitive.getValueCase()) {
      case INTEGER -> new IntegerValue(primitive.getInteger());
      case FLOAT_VALUE -> new FloatValue(primitive.getFloatValue());
      case STRING_VALUE -> new StringValue(primitive.getStringValue());
      case BOOLEAN -> new BooleanValue(primitive.getBoolean());
      case DATETIME -> new DatetimeValue(ProtoTime.instant(primitive.getDatetime()));
      case DURATION -> new DurationValue(ProtoTime.duration(primitive.getDuration()));
      case VALUE_NOT_SET -> throw new InvalidArgument(path + " is a primitive without a value");
    };
  }
}
