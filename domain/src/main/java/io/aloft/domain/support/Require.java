package io.aloft.domain.support;

import io.aloft.domain.error.InvalidArgument;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the domain records. They throw {@link InvalidArgument} with a message
 * that names the field, because these values come from users and the message is shown to them.
 * Programming errors (a missing structural value) use {@code Objects.requireNonNull} instead.
 */
public final class Require {

  private Require() {}

  /** Returns {@code value} when it is not null and not blank, else throws "field is required". */
  public static String nonBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidArgument(field + " is required");
    }
    return value;
  }

  /** Returns {@code value} (null allowed) when it has at most {@code max} characters. */
  public static String maxLength(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new InvalidArgument(
          field + " is too long (" + value.length() + " characters): use at most " + max);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is present, at most {@code max} characters long and matches
   * {@code pattern}; otherwise throws "{field} '{value}' is invalid: {rule}".
   */
  public static String name(String value, String field, int max, Pattern pattern, String rule) {
    nonBlank(value, field);
    if (value.length() > max || !pattern.matcher(value).matches()) {
      throw new InvalidArgument(field + " '" + value + "' is invalid: " + rule);
    }
    return value;
  }

  /** A defensive copy of nullable bytes; records holding arrays copy in and out. */
  public static byte[] copy(byte[] bytes) {
    return bytes == null ? null : Arrays.copyOf(bytes, bytes.length);
  }
}
