package io.aloft.domain.literal;

/**
 * A value passed between tasks, mirroring {@code flyteidl2.core.Literal}: a scalar, a collection, a
 * map, or a pointer to a literal stored elsewhere. Only what the control plane inspects is modelled
 * (hash, metadata and artifact ids are not).
 */
public sealed interface Literal permits Scalar, LiteralCollection, LiteralMap, OffloadedLiteral {

  static Literal of(long value) {
    return new Primitive.IntegerValue(value);
  }

  static Literal of(double value) {
    return new Primitive.FloatValue(value);
  }

  static Literal of(String value) {
    return new Primitive.StringValue(value);
  }

  static Literal of(boolean value) {
    return new Primitive.BooleanValue(value);
  }
}
