package io.aloft.domain.id;

import io.aloft.domain.error.InvalidArgument;

/** Splits slash-separated keys; none of the parts may contain '/', so a plain split is exact. */
final class Keys {

  private Keys() {}

  static String[] split(String key, int parts, String what, String shape) {
    if (key == null) {
      throw new InvalidArgument(what + " is required; expected " + shape);
    }
    String[] split = key.split("/", -1);
    if (split.length != parts) {
      throw new InvalidArgument(what + " '" + key + "' is malformed; expected " + shape);
    }
    return split;
  }
}
