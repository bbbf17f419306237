package io.aloft.adapters.connect.mapping;

/** Abort reasons: the reference's default when none is given, else the given text, bounded. */
public final class AbortReasons {

  public static final String DEFAULT = "User requested abort";

  private AbortReasons() {}

  /** A blank reason counts as none: proto3 callers often send "" for "no reason". */
  public static String of(boolean present, String reason, String path) {
    if (!present || reason.isBlank()) {
      return DEFAULT;
    }
    return Fields.maxLength(reason, Fields.REASON_MAX, path);
  }
}
