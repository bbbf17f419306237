package io.aloft.adapters.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.Map;

/**
 * Renders a JSON document as block-style YAML, for {@code inputs.yaml}. Strings are always
 * double-quoted with JSON escapes (valid YAML, and no value is ever re-typed: "yes" stays a
 * string); numbers, booleans and null are written as JSON writes them.
 */
final class JsonToYaml {

  private static final String INDENT = "  ";

  private JsonToYaml() {}

  static String convert(String json) throws InvalidProtocolBufferException {
    Value.Builder root = Value.newBuilder();
    JsonFormat.parser().merge(json, root);
    StringBuilder out = new StringBuilder();
    Value value = root.build();
    if (isEmptyContainer(value) || isScalar(value)) {
      out.append(scalar(value)).append('\n');
    } else {
      block(value, 0, out);
    }
    return out.toString();
  }

  private static void block(Value value, int depth, StringBuilder out) {
    if (value.hasStructValue()) {
      for (Map.Entry<String, Value> field : value.getStructValue().getFieldsMap().entrySet()) {
        out.append(INDENT.repeat(depth)).append(quoted(field.getKey())).append(':');
        nested(field.getValue(), depth, out);
      }
    } else {
      for (Value item : value.getListValue().getValuesList()) {
        out.append(INDENT.repeat(depth)).append('-');
        nested(item, depth, out);
      }
    }
  }

  private static void nested(Value value, int depth, StringBuilder out) {
    if (isScalar(value) || isEmptyContainer(value)) {
      out.append(' ').append(scalar(value)).append('\n');
    } else {
      out.append('\n');
      block(value, depth + 1, out);
    }
  }

  private static boolean isScalar(Value value) {
    return !value.hasStructValue() && !value.hasListValue();
  }

  private static boolean isEmptyContainer(Value value) {
    return (value.hasStructValue() && value.getStructValue().getFieldsCount() == 0)
        || (value.hasListValue() && value.getListValue().getValuesCount() == 0);
  }

  private static String scalar(Value value) {
    return switch (value.getKindCase()) {
      case STRUCT_VALUE -> "{}";
      case LIST_VALUE -> "[]";
      case STRING_VALUE -> quoted(value.getStringValue());
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case NUMBER_VALUE -> number(value.getNumberValue());
      case NULL_VALUE, KIND_NOT_SET -> "null";
    };
  }

  private static String number(double number) {
    if (number == Math.rint(number) && Math.abs(number) < 1e15) {
      return Long.toString((long) number);
    }
    return Double.toString(number);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogate(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
