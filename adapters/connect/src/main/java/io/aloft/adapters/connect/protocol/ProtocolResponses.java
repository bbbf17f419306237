package io.aloft.adapters.connect.protocol;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Responses to requests that never reach a handler, shaped as connect-go answers them: the HTTP
 * status a generic HTTP client understands, plus a Connect error body for Connect clients.
 */
final class ProtocolResponses {

  private ProtocolResponses() {}

  /**
   * 404 for a procedure no service registered. Clients map 404 to unimplemented, and the body says
   * so as well.
   */
  static Mono<ServerResponse> unknownProcedure(ServerRequest request) {
    String procedure = request.requestPath().pathWithinApplication().value();
    ConnectException error =
        new ConnectException(ConnectCode.UNIMPLEMENTED, "unknown method " + procedure);
    return ErrorWriter.response(HttpStatus.NOT_FOUND.value(), error, headers -> {});
  }

  /** 405 with {@code Allow: POST}: Connect calls are POSTs (GET for unary is not supported). */
  static Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
    ConnectException error =
        new ConnectException(
            ConnectCode.UNIMPLEMENTED,
            "HTTP method "
                + request.method().name()
                + " is not supported on "
                + request.requestPath().pathWithinApplication().value()
                + "; use POST");
    return ErrorWriter.response(
        HttpStatus.METHOD_NOT_ALLOWED.value(), error, headers -> headers.set("Allow", "POST"));
  }

  /** 415 with an Accept-Post header listing the content types the method accepts. */
  static Mono<ServerResponse> unsupportedMediaType(ServerRequest request, String acceptedTypes) {
    String contentType = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
    ConnectException error =
        new ConnectException(
            ConnectCode.INVALID_ARGUMENT,
            "unsupported content type "
                + (contentType == null ? "(none)" : "\"" + contentType + "\"")
                + "; this method accepts "
                + acceptedTypes);
    return ErrorWriter.response(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(),
        error,
        headers -> headers.set("Accept-Post", acceptedTypes));
  }

  /**
   * Wraps bytes without copying. Heap buffers need no release, so a buffer dropped on cancel leaks
   * nothing, and Reactor Netty wraps them again without copying.
   */
  static DataBuffer wrap(byte[] bytes) {
    return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
  }
}
