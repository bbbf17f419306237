package io.aloft.adapters.connect.errors;

import com.google.protobuf.Message;
import io.aloft.adapters.connect.protocol.ConnectCode;
import io.aloft.adapters.connect.protocol.ConnectException;
import io.aloft.adapters.connect.protocol.StreamHandler;
import io.aloft.adapters.connect.protocol.UnaryHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Capabilities that later releases add. They answer {@code unimplemented} with a message saying
 * what is missing, so clients can tell "not yet" apart from a broken server.
 */
public final class NotSupportedYet {

  private NotSupportedYet() {}

  public static ConnectException error(String message) {
    return new ConnectException(ConnectCode.UNIMPLEMENTED, message);
  }

  /** A unary method that is registered but not available yet. */
  public static <Q extends Message, R extends Message> UnaryHandler<Q, R> unary(String capability) {
    return (request, context) -> Mono.error(error(notAvailable(capability)));
  }

  /** A server-streaming method that is registered but not available yet. */
  public static <Q extends Message, R extends Message> StreamHandler<Q, R> stream(
      String capability) {
    return (request, context) -> Flux.error(error(notAvailable(capability)));
  }

  static String notAvailable(String capability) {
    return capability + " is not available yet in this version of Aloft";
  }
}
