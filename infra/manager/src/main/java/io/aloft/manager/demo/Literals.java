package io.aloft.manager.demo;

import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.core.v1.Primitive;
import io.aloft.proto.core.v1.Scalar;

/** Short texts for literals and phases. */
final class Literals {

  private static final String PHASE_PREFIX = "ACTION_PHASE_";

  private Literals() {}

  /** {@code 59}, {@code "text"}, {@code s3://bucket/key} (a blob), or the literal's kind. */
  static String describe(Literal literal) {
    if (!literal.hasScalar()) {
      return literal.getValueCase().name().toLowerCase();
    }
    Scalar scalar = literal.getScalar();
    return switch (scalar.getValueCase()) {
      case PRIMITIVE -> describe(scalar.getPrimitive());
      case BLOB -> scalar.getBlob().getUri();
      default -> scalar.getValueCase().name().toLowerCase();
    };
  }

  private static String describe(Primitive primitive) {
    return switch (primitive.getValueCase()) {
      case INTEGER -> Long.toString(primitive.getInteger());
      case FLOAT_VALUE -> Double.toString(primitive.getFloatValue());
      case STRING_VALUE -> '"' + primitive.getStringValue() + '"';
      case BOOLEAN -> Boolean.toString(primitive.getBoolean());
      default -> primitive.getValueCase().name().toLowerCase();
    };
  }

  /** {@code SUCCEEDED} for {@code ACTION_PHASE_SUCCEEDED}. */
  static String phase(ActionPhase phase) {
    String name = phase.name();
    return name.startsWith(PHASE_PREFIX) ? name.substring(PHASE_PREFIX.length()) : name;
  }

  static boolean terminal(ActionPhase phase) {
    return switch (phase) {
      case ACTION_PHASE_SUCCEEDED,
          ACTION_PHASE_FAILED,
          ACTION_PHASE_ABORTED,
          ACTION_PHASE_TIMED_OUT,
          ACTION_PHASE_RECOVERED ->
          true;
      default -> false;
    };
  }
}
