package io.aloft.adapters.connect.mapping;

import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.domain.error.InvalidArgument;

/**
 * Who makes a call. Until authentication arrives, the caller names itself in the {@value #HEADER}
 * header; calls without it are recorded as {@value #ANONYMOUS}.
 */
public final class Caller {

  public static final String HEADER = "X-Aloft-User";
  public static final String ANONYMOUS = "anonymous";

  private Caller() {}

  public static String identity(CallContext context) {
    String user = context.requestHeaders().getFirst(HEADER);
    if (user == null || user.isBlank()) {
      return ANONYMOUS;
    }
    String trimmed = user.strip();
    if (trimmed.length() > Fields.SHORT_TEXT_MAX) {
      throw new InvalidArgument(
          "header "
              + HEADER
              + " is too long ("
              + trimmed.length()
              + " characters); use at most "
              + Fields.SHORT_TEXT_MAX);
    }
    return trimmed;
  }
}
