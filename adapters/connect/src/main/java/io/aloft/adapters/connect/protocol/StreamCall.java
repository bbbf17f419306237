package io.aloft.adapters.connect.protocol;

import com.google.protobuf.Message;
import io.aloft.adapters.connect.protocol.ConnectHeaders.CallSettings;
import io.aloft.adapters.connect.protocol.ContentTypes.Format;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves one server-streaming method over the Connect protocol: one enveloped request message in;
 * HTTP 200 with enveloped response messages and a final end-of-stream message out. Every failure
 * after the content type is known, before or during the stream, is reported in the end-of-stream
 * message, as connect-go does.
 *
 * <p>Messages are encoded one at a time as the network asks for them: Reactor Netty requests more
 * only while the socket is writable, and {@code limitRate} bounds what the handler is asked for, so
 * a slow client slows the handler down and nothing is buffered without bound.
 */
final class StreamCall implements HandlerFunction<ServerResponse> {

  private final MethodBinding.ServerStream method;
  private final ConnectOptions options;
  private final ErrorClassifier errors;

  StreamCall(MethodBinding.ServerStream method, ConnectOptions options, ErrorClassifier errors) {
    this.method = method;
    this.options = options;
    this.errors = errors;
  }

  @Override
  public Mono<ServerResponse> handle(ServerRequest request) {
    Optional<Format> format =
        ContentTypes.stream(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE));
    if (format.isEmpty()) {
      return ProtocolResponses.unsupportedMediaType(request, ContentTypes.STREAM_TYPES);
    }
    HttpHeaders headers = request.headers().asHttpHeaders();
    Compression compression =
        Compression.negotiate(headers.getFirst(ConnectHeaders.STREAM_ACCEPT_ENCODING));
    Flux<Message> replies = Flux.defer(() -> replies(request, format.get().codec()));
    return ServerResponse.ok()
        .contentType(format.get().responseType())
        .headers(
            responseHeaders -> {
              if (compression != Compression.IDENTITY) {
                responseHeaders.set(
                    ConnectHeaders.STREAM_CONTENT_ENCODING, compression.encodingName());
              }
              responseHeaders.set(
                  ConnectHeaders.STREAM_ACCEPT_ENCODING, Compression.acceptEncodingHeader());
            })
        .body(BodyInserters.fromDataBuffers(frames(replies, format.get().codec(), compression)));
  }

  /**
   * The response body: one envelope per reply, then the end-of-stream envelope, which carries the
   * error if the replies fail. Nothing is encoded before the network asks for it.
   */
  Flux<DataBuffer> frames(Flux<Message> replies, MessageCodec codec, Compression compression) {
    return replies
        .limitRate(options.streamPrefetch())
        .map(reply -> messageFrame(reply, codec, compression))
        .concatWith(Mono.fromSupplier(() -> endStreamFrame(null)))
        .onErrorResume(
            error -> Mono.just(endStreamFrame(errors.classify(error, method.procedure()))));
  }

  private Flux<Message> replies(ServerRequest request, MessageCodec codec) {
    CallSettings call =
        ConnectHeaders.read(
            request.headers().asHttpHeaders(), options, ConnectHeaders.STREAM_CONTENT_ENCODING);
    Flux<Message> replies =
        BodyReader.readAtMost(request, Envelope.HEADER_BYTES + options.maxMessageBytes())
            .map(body -> decode(body, call.requestCompression(), codec))
            .flatMapMany(message -> invokeHandler(message, call.context()));
    return Deadlines.apply(replies, call.timeout());
  }

  private Message decode(byte[] body, Compression compression, MessageCodec codec) {
    Envelope envelope = Envelope.readSingle(body, options.maxMessageBytes());
    if (envelope.compressed() && compression == Compression.IDENTITY) {
      throw new ConnectException(
          ConnectCode.INVALID_ARGUMENT,
          "the request message is flagged compressed but no "
              + ConnectHeaders.STREAM_CONTENT_ENCODING
              + " was sent");
    }
    byte[] payload =
        envelope.compressed()
            ? compression.decompress(envelope.payload(), options.maxMessageBytes())
            : envelope.payload();
    return codec.decode(payload, method.requestPrototype());
  }

  private Flux<Message> invokeHandler(Message request, CallContext context) {
    // defer: a handler that throws instead of returning an error Flux is treated alike.
    return Flux.defer(() -> method.handler().handle(request, context));
  }

  private static DataBuffer messageFrame(
      Message reply, MessageCodec codec, Compression compression) {
    if (compression == Compression.IDENTITY) {
      return ProtocolResponses.wrap(
          Envelope.frameInPlace(codec.encode(reply, Envelope.HEADER_BYTES)));
    }
    byte[] payload = compression.compress(codec.encode(reply));
    return ProtocolResponses.wrap(Envelope.message(payload, true).toBytes());
  }

  /**
   * The end-of-stream envelope; left uncompressed, which the protocol allows, to keep it simple.
   */
  private static DataBuffer endStreamFrame(@Nullable ConnectException error) {
    return ProtocolResponses.wrap(Envelope.endStream(ErrorWriter.endStreamJson(error)).toBytes());
  }
}
