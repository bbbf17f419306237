package io.aloft.application.signal;

import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.SimpleType;

/** What a condition accepts, and literals described for error messages. */
final class SignalValues {

  private static final int SHOWN_CHARS = 64;

  private SignalValues() {}

  static boolean matches(SimpleType type, Literal value) {
    return switch (type) {
      case BOOLEAN -> value instanceof Primitive.BooleanValue;
      case INTEGER -> value instanceof Primitive.IntegerValue;
      case FLOAT -> value instanceof Primitive.FloatValue;
      case STRING -> value instanceof Primitive.StringValue;
      default -> false;
    };
  }

  /** The value's type as the condition types are named: BOOLEAN, INTEGER, ... */
  static String typeOf(Literal value) {
    return switch (value) {
      case Primitive.BooleanValue v -> "BOOLEAN";
      case Primitive.IntegerValue v -> "INTEGER";
      case Primitive.FloatValue v -> "FLOAT";
      case Primitive.StringValue v -> "STRING";
      case Primitive.DatetimeValue v -> "DATETIME";
      case Primitive.DurationValue v -> "DURATION";
      default -> "non-primitive (" + value.getClass().getSimpleName() + ")";
    };
  }

  /** The value as a user would write it: {@code true}, {@code 42}, {@code "yes"}. */
  static String show(Literal value) {
    return switch (value) {
      case Primitive.BooleanValue v -> Boolean.toString(v.value());
      case Primitive.IntegerValue v -> Long.toString(v.value());
      case Primitive.FloatValue v -> Double.toString(v.value());
      case Primitive.StringValue v -> quoted(v.value());
      default -> "a " + typeOf(value) + " value";
    };
  }

  private static String quoted(String text) {
    return text.length() <= SHOWN_CHARS
        ? "\"" + text + "\""
        : "\"" + text.substring(0, SHOWN_CHARS) + "...\" (" + text.length() + " characters)";
  }
}
