package io.aloft.domain.literal;

import java.util.Optional;

/** The type a literal's value shows, for an offloaded literal's {@code inferred_type}. */
public final class LiteralTypes {

  private LiteralTypes() {}

  /**
   * The literal's type as far as its value tells: a collection or map takes its first element's
   * type (NONE when empty), a union its value's. Empty for an offloaded literal (its type is what
   * it says it is, if anything).
   */
  public static Optional<LiteralType> infer(Literal literal) {
    return switch (literal) {
      case OffloadedLiteral offloaded -> Optional.ofNullable(offloaded.inferredType());
      case LiteralCollection collection ->
          Optional.of(
              new LiteralType.CollectionType(
                  collection.literals().isEmpty()
                      ? none()
                      : infer(collection.literals().getFirst()).orElse(none())));
      case LiteralMap map ->
          Optional.of(
              new LiteralType.MapType(
                  map.literals().isEmpty()
                      ? none()
                      : infer(map.literals().values().iterator().next()).orElse(none())));
      case Union union -> infer(union.value());
      case Scalar scalar -> Optional.of(scalar(scalar));
    };
  }

  private static LiteralType scalar(Scalar scalar) {
    return switch (scalar) {
      case Primitive.IntegerValue i -> LiteralType.simple(SimpleType.INTEGER);
      case Primitive.FloatValue f -> LiteralType.simple(SimpleType.FLOAT);
      case Primitive.StringValue s -> LiteralType.simple(SimpleType.STRING);
      case Primitive.BooleanValue b -> LiteralType.simple(SimpleType.BOOLEAN);
      case Primitive.DatetimeValue d -> LiteralType.simple(SimpleType.DATETIME);
      case Primitive.DurationValue d -> LiteralType.simple(SimpleType.DURATION);
      case Blob blob -> new LiteralType.BlobType(blob.format(), blob.dimensionality());
      case Binary binary -> LiteralType.simple(SimpleType.BINARY);
      case NoneValue none -> none();
      case ErrorValue error -> LiteralType.simple(SimpleType.ERROR);
      case Generic generic -> LiteralType.simple(SimpleType.STRUCT);
      case Union union -> infer(union.value()).orElse(none());
    };
  }

  private static LiteralType none() {
    return LiteralType.simple(SimpleType.NONE);
  }
}
