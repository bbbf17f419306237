package io.aloft.adapters.connect.mapping;

import com.google.protobuf.ProtocolMessageEnum;
import io.aloft.domain.error.InvalidArgument;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Request checks whose messages name the proto field path (e.g. {@code run_id.project}), so a
 * client sees exactly which field to fix. The reference ignores its own proto annotations; Aloft
 * checks every request explicitly here and in the domain records.
 */
public final class Fields {

  /** Storage URIs (inputs, outputs, run base directories, log links). */
  public static final int URI_MAX = 2048;

  /** Free-text reasons (abort). */
  public static final int REASON_MAX = 1024;

  /** Short free-text values: groups, clusters, error codes, workers, log names, filters. */
  public static final int SHORT_TEXT_MAX = 255;

  private Fields() {}

  public static InvalidArgument missing(String path) {
    return new InvalidArgument(path + " is required");
  }

  /** Throws "{path} is required" unless a message field or oneof case is present. */
  public static void require(boolean present, String path) {
    if (!present) {
      throw missing(path);
    }
  }

  /** Returns {@code value} when it is not blank and at most {@code max} characters long. */
  public static String required(String value, int max, String path) {
    if (value.isBlank()) {
      throw missing(path);
    }
    return maxLength(value, max, path);
  }

  public static String maxLength(String value, int max, String path) {
    if (value.length() > max) {
      throw new InvalidArgument(
          path + " is too long (" + value.length() + " characters); use at most " + max);
    }
    return value;
  }

  /** Proto3 strings cannot be absent: an empty string means "not set" and becomes null. */
  public static @Nullable String optional(String value, int max, String path) {
    return value.isEmpty() ? null : maxLength(value, max, path);
  }

  /**
   * Runs a domain mapping and prefixes any {@link InvalidArgument} it throws with {@code path}, so
   * "run name 'X' is invalid" becomes "run_id.name: run name 'X' is invalid".
   */
  public static <T> T at(String path, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (InvalidArgument invalid) {
      throw new InvalidArgument(path + ": " + invalid.getMessage(), invalid);
    }
  }

  /**
   * A {@code uint32} field as a Java int. Values above {@link Integer#MAX_VALUE} arrive as negative
   * ints; they are rejected like any value above {@code max}.
   */
  public static int uint32(int value, int max, String path) {
    long unsigned = Integer.toUnsignedLong(value);
    if (unsigned > max) {
      throw new InvalidArgument(path + " must be at most " + max + " (got " + unsigned + ")");
    }
    return (int) unsigned;
  }

  /** Rejects enum numbers this server does not know (a newer client's values). */
  public static <E extends ProtocolMessageEnum> E known(E value, int number, String path) {
    if (value instanceof Enum<?> constant && "UNRECOGNIZED".equals(constant.name())) {
      throw new InvalidArgument(path + " has the unknown value " + number);
    }
    return value;
  }

  /** {@code path[index]}, for elements of repeated fields. */
  public static String element(String path, int index) {
    return path + "[" + index + "]";
  }
}
