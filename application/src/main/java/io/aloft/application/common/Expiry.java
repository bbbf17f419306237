package io.aloft.application.common;

import io.aloft.domain.error.InvalidArgument;
import java.time.Duration;

/** The lifetime of a signed URL: unset or zero means the maximum; more is refused. */
public final class Expiry {

  private Expiry() {}

  /**
   * {@code requested}, or {@code max} when it is null or zero.
   *
   * @param field the request field, named in errors
   */
  public static Duration within(Duration requested, Duration max, String field) {
    if (requested == null || requested.isZero()) {
      return max;
    }
    if (requested.isNegative()) {
      throw new InvalidArgument(
          field + " " + requested + " is negative: give a positive duration up to " + max);
    }
    if (requested.compareTo(max) > 0) {
      throw new InvalidArgument(
          field
              + " "
              + requested
              + " exceeds maximum allowed duration of "
              + max
              + ": ask for at most that");
    }
    return requested;
  }
}
