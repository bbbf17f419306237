package io.aloft.manager.demo;

/** An error answer of a Connect call: its code (e.g. {@code not_found}) and message. */
final class ConnectError extends RuntimeException {

  private final String code;

  ConnectError(String procedure, String code, String message) {
    super(procedure + ": " + code + (message.isEmpty() ? "" : ": " + message));
    this.code = code;
  }

  String code() {
    return code;
  }
}
