package io.aloft.adapters.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.aloft.domain.error.InvalidArgument;

/** Generic values: the domain keeps the JSON text of the proto's {@code Struct}. */
final class GenericJson {

  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private GenericJson() {}

  static Struct struct(String json) {
    Struct.Builder struct = Struct.newBuilder();
    try {
      PARSER.merge(json, struct);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new InvalidArgument(
          "a generic value must be a JSON object, e.g. {\"a\": 1}; got "
              + abbreviate(json)
              + ": "
              + e.getMessage(),
          e);
    }
    return struct.build();
  }

  static String json(Struct struct, String path) {
    try {
      return PRINTER.print(struct);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidArgument(
          path + " is a generic value that has no JSON form: " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 80) + "...'";
  }
}
