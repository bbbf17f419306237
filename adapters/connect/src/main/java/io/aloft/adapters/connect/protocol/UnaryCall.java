package io.aloft.adapters.connect.protocol;

import com.google.protobuf.Message;
import io.aloft.adapters.connect.protocol.ConnectHeaders.CallSettings;
import io.aloft.adapters.connect.protocol.ContentTypes.Format;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves one unary method over the Connect protocol: an unenveloped request body in, one response
 * message or an HTTP error with a JSON body out. Compression uses the standard HTTP headers.
 */
final class UnaryCall implements HandlerFunction<ServerResponse> {

  private final MethodBinding.Unary method;
  private final ConnectOptions options;
  private final ErrorClassifier errors;

  UnaryCall(MethodBinding.Unary method, ConnectOptions options, ErrorClassifier errors) {
    this.method = method;
    this.options = options;
    this.errors = errors;
  }

  @Override
  public Mono<ServerResponse> handle(ServerRequest request) {
    Optional<Format> format =
        ContentTypes.unary(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE));
    if (format.isEmpty()) {
      return ProtocolResponses.unsupportedMediaType(request, ContentTypes.UNARY_TYPES);
    }
    return Mono.defer(() -> respond(request, format.get()))
        .onErrorResume(
            error -> ErrorWriter.unaryResponse(errors.classify(error, method.procedure())));
  }

  private Mono<ServerResponse> respond(ServerRequest request, Format format) {
    HttpHeaders headers = request.headers().asHttpHeaders();
    CallSettings call = ConnectHeaders.read(headers, options, HttpHeaders.CONTENT_ENCODING);
    Compression responseCompression =
        Compression.negotiate(headers.getFirst(HttpHeaders.ACCEPT_ENCODING));

    Mono<Message> reply =
        BodyReader.readAtMost(request, options.maxMessageBytes())
            .map(body -> decode(body, call.requestCompression(), format.codec()))
            .flatMap(message -> invokeHandler(message, call.context()));
    return Deadlines.apply(reply, call.timeout())
        .map(message -> responseCompression.compress(format.codec().encode(message)))
        .flatMap(body -> success(body, format, responseCompression));
  }

  private Message decode(byte[] body, Compression compression, MessageCodec codec) {
    byte[] payload = compression.decompress(body, options.maxMessageBytes());
    return codec.decode(payload, method.requestPrototype());
  }

  private Mono<Message> invokeHandler(Message request, CallContext context) {
    // defer: a handler that throws instead of returning an error Mono is treated alike.
    return Mono.<Message>defer(() -> method.handler().handle(request, context))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new IllegalStateException(
                        "the handler of " + method.procedure() + " completed without a reply")));
  }

  private static Mono<ServerResponse> success(byte[] body, Format format, Compression compression) {
    return ServerResponse.ok()
        .contentType(format.responseType())
        .contentLength(body.length)
        .headers(
            headers -> {
              if (compression != Compression.IDENTITY) {
                headers.set(HttpHeaders.CONTENT_ENCODING, compression.encodingName());
              }
              headers.set(HttpHeaders.ACCEPT_ENCODING, Compression.acceptEncodingHeader());
            })
        .body(BodyInserters.fromDataBuffers(Mono.fromSupplier(() -> ProtocolResponses.wrap(body))));
  }
}
