package io.aloft.adapters.connect.protocol;

import com.google.protobuf.Message;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A failure to report to the client with a Connect code. Its message is sent to the client as is,
 * so it must say what to fix and never contain internals; the cause is only logged.
 */
public final class ConnectException extends RuntimeException {

  private final ConnectCode code;
  private final List<Message> details;

  public ConnectException(ConnectCode code, String message) {
    this(code, message, List.of(), null);
  }

  public ConnectException(ConnectCode code, String message, @Nullable Throwable cause) {
    this(code, message, List.of(), cause);
  }

  /** With error details, e.g. {@code google.rpc.BadRequest}, sent in the body's "details". */
  public ConnectException(
      ConnectCode code,
      String message,
      List<? extends Message> details,
      @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
    this.details = List.copyOf(details);
  }

  public ConnectCode code() {
    return code;
  }

  public List<Message> details() {
    return details;
  }

  @Override
  public String toString() {
    return "ConnectException[" + code.wireName() + "]: " + getMessage();
  }
}
