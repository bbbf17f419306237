package io.aloft.bench.connect;

/** A Connect call that failed: the HTTP status and the server's error body. */
public final class ConnectError extends RuntimeException {

  private final int status;

  public ConnectError(String method, int status, String body) {
    super(method + " failed with HTTP " + status + ": " + body);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Connect maps already_exists to 409. */
  public boolean alreadyExists() {
    return status == 409 || getMessage().contains("already_exists");
  }
}
