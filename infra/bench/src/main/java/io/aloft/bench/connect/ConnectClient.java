package io.aloft.bench.connect;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A minimal Connect client over HTTP/1.1: unary calls in binary protobuf, server streams in
 * envelopes. Unary calls share one connection pool; each open stream holds its own connection.
 */
public final class ConnectClient implements AutoCloseable {

  private static final byte[] EMPTY = new byte[0];

  private final ConnectionProvider unaryPool;
  private final ConnectionProvider streamPool;
  private final HttpClient unary;
  private final HttpClient streams;

  public ConnectClient(String baseUrl, int unaryConnections, int streamConnections) {
    this.unaryPool = pool("aloft-bench-unary", unaryConnections);
    this.streamPool = pool("aloft-bench-streams", streamConnections);
    this.unary = client(unaryPool, baseUrl, "application/proto");
    this.streams = client(streamPool, baseUrl, "application/connect+proto");
  }

  /** Calls {@code method} ("package.Service/Method") and parses the reply. */
  public <T> Mono<T> call(String method, Message request, Parser<T> replyParser) {
    byte[] body = request.toByteArray();
    return unary
        .headers(h -> h.set(HttpHeaderNames.CONTENT_LENGTH, body.length))
        .post()
        .uri("/" + method)
        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
        .responseSingle(
            (response, content) ->
                content
                    .asByteArray()
                    .defaultIfEmpty(EMPTY)
                    .handle(
                        (bytes, sink) -> {
                          if (response.status().code() != 200) {
                            sink.error(
                                new ConnectError(
                                    method,
                                    response.status().code(),
                                    new String(bytes, StandardCharsets.UTF_8)));
                            return;
                          }
                          try {
                            sink.next(replyParser.parseFrom(bytes));
                          } catch (Exception e) {
                            sink.error(e);
                          }
                        }));
  }

  /** Opens a server stream; emits each message as it arrives, completes at the end-stream frame. */
  /** How a stream's message payloads become values. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(byte[] payload) throws Exception;
  }

  public <T> Flux<T> stream(String method, Message request, Parser<T> messageParser) {
    return stream(method, request, (Decoder<T>) messageParser::parseFrom);
  }

  /** A server stream, each message decoded by {@code decoder}. */
  public <T> Flux<T> stream(String method, Message request, Decoder<T> decoder) {
    byte[] body = Envelopes.frame(request.toByteArray());
    return streams
        .headers(h -> h.set(HttpHeaderNames.CONTENT_LENGTH, body.length))
        .post()
        .uri("/" + method)
        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
        .response(
            (response, content) -> {
              if (response.status().code() != 200) {
                return content
                    .aggregate()
                    .asString()
                    .defaultIfEmpty("")
                    .flatMap(
                        text ->
                            Mono.error(new ConnectError(method, response.status().code(), text)));
              }
              Envelopes envelopes = new Envelopes();
              return content
                  .asByteArray()
                  .concatMapIterable(envelopes::feed)
                  .handle(
                      (frame, sink) -> {
                        if (frame.isEndStream()) {
                          String trailer = new String(frame.payload(), StandardCharsets.UTF_8);
                          if (trailer.contains("\"error\"")) {
                            sink.error(new ConnectError(method, 200, trailer));
                          } else {
                            sink.complete();
                          }
                          return;
                        }
                        try {
                          sink.next(decoder.decode(frame.payload()));
                        } catch (Exception e) {
                          sink.error(e);
                        }
                      });
            });
  }

  @Override
  public void close() {
    unaryPool.disposeLater().block(Duration.ofSeconds(10));
    streamPool.disposeLater().block(Duration.ofSeconds(10));
  }

  private static ConnectionProvider pool(String name, int connections) {
    return ConnectionProvider.builder(name)
        .maxConnections(connections)
        .pendingAcquireMaxCount(-1)
        .pendingAcquireTimeout(Duration.ofMinutes(2))
        .build();
  }

  private static HttpClient client(ConnectionProvider pool, String baseUrl, String contentType) {
    return HttpClient.create(pool)
        .baseUrl(baseUrl)
        .headers(
            h ->
                h.set(HttpHeaderNames.CONTENT_TYPE, contentType)
                    .set("Connect-Protocol-Version", "1"))
        .responseTimeout(Duration.ofMinutes(10));
  }
}
