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

  /** A unary not_found is HTTP 404; a stream's arrives in its end message. */
  public boolean notFound() {
    return status == 404 || getMessage().contains("\"not_found\"");
  }

  /** Connect maps already_exists to 409. */
  public boolean alreadyExists() {
    return status == 409 || getMessage().contains("already_exists");
  }
}
