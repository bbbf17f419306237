package io.aloft.application.copilot;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.literal.Binary;
import io.aloft.domain.literal.ErrorValue;
import io.aloft.domain.literal.Generic;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.NoneValue;
import io.aloft.domain.literal.Primitive;
import io.aloft.domain.literal.SimpleType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the text of an output file as a value of its declared simple type, accepting what Go's
 * parsers accept (strconv.ParseInt/ParseFloat/ParseBool, RFC 3339, time.ParseDuration) since tasks
 * are written against Flyte's copilot.
 */
final class SimpleValues {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern NOT_A_NUMBER = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private final LiteralCodec codec;

  SimpleValues(LiteralCodec codec) {
    this.codec = codec;
  }

  /**
   * @param text the file's content, already trimmed (binary values take the raw bytes instead)
   * @throws IllegalArgumentException saying why the text is not such a value
   */
  Literal parse(SimpleType type, String text) {
    return switch (type) {
      case INTEGER -> new Primitive.IntegerValue(integer(text));
      case FLOAT -> new Primitive.FloatValue(decimal(text));
      case STRING -> new Primitive.StringValue(text);
      case BOOLEAN -> new Primitive.BooleanValue(bool(text));
      case DATETIME -> new Primitive.DatetimeValue(datetime(text));
      case DURATION -> new Primitive.DurationValue(GoDurations.parse(text));
      case BINARY -> new Binary(text.getBytes(StandardCharsets.UTF_8), "");
      case ERROR -> new ErrorValue("", text);
      case NONE -> NoneValue.INSTANCE;
      case STRUCT -> struct(text);
    };
  }

  private static long integer(String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw new IllegalArgumentException("expected a whole number such as 42");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException tooLarge) {
      throw new IllegalArgumentException("the number does not fit in 64 bits", tooLarge);
    }
  }

  private static double decimal(String text) {
    if (NOT_A_NUMBER.matcher(text).matches()) {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      return lower.contains("nan")
          ? Double.NaN
          : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("expected a decimal number such as 2.5 or 1e-3");
    }
    return Double.parseDouble(text);
  }

  private static boolean bool(String text) {
    if (TRUE.contains(text)) {
      return true;
    }
    if (FALSE.contains(text)) {
      return false;
    }
    throw new IllegalArgumentException("expected true or false (or 1, 0, t, f)");
  }

  private static java.time.Instant datetime(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an RFC 3339 time such as 2024-05-06T07:08:09Z", e);
    }
  }

  /** The codec knows JSON (the application does not), and its round trip normalizes the text. */
  private Literal struct(String text) {
    try {
      return codec.decodeLiteral(codec.encodeLiteral(new Generic(text)));
    } catch (InvalidArgument e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
