package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Int32Value;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** Flow control and cancellation through a real socket, where they actually come from. */
class StreamNetworkTest {

  private static final String SERVICE = "aloft.test.v1.FlowService";
  private static final int PREFETCH = 8;
  private static final int MESSAGE_BYTES = 16 * 1024;
  private static final int MESSAGE_CAP = 20_000; // 320 MiB: what an unbounded design would buffer.

  private final AtomicLong produced = new AtomicLong();
  private final AtomicLong largestRequest = new AtomicLong();
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final NettyTestServer server =
      NettyTestServer.start(
          ConnectRouter.routes(
              List.of(service()),
              ConnectOptions.defaults().withStreamPrefetch(PREFETCH),
              ErrorTranslator.none()));

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void givenClientThatStopsReading_WhenHandlerProducesWithoutEnd_ThenDemandStaysBounded()
      throws Exception {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      sendRequest(socket.getOutputStream(), "/" + SERVICE + "/Flood");

      long settled = producedOnceSettled();

      assertThat(settled).isGreaterThan(0).isLessThan(1_000);
      assertThat(largestRequest.get()).isLessThanOrEqualTo(PREFETCH);
      assertThat(readStatusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
    }
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("handler cancelled on close").isTrue();
  }

  @Test
  void givenClientCancellingAfterFirstMessage_WhenStreaming_ThenHandlerIsCancelled()
      throws Exception {
    Flux<byte[]> response =
        HttpClient.create()
            .headers(headers -> headers.set("Content-Type", "application/connect+proto"))
            .post()
            .uri(server.url("/" + SERVICE + "/Ticks"))
            .send(ByteBufFlux.fromInbound(Mono.just(request())))
            .responseContent()
            .asByteArray();

    // The first frame arrives while the handler is still running: frames are flushed one by one.
    StepVerifier.create(response.take(1))
        .assertNext(frame -> assertThat(frame[0]).as("a message frame").isZero())
        .expectComplete()
        .verify(Duration.ofSeconds(10));

    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("handler cancelled").isTrue();
  }

  private ConnectService service() {
    BytesValue bulk = BytesValue.of(ByteString.copyFrom(new byte[MESSAGE_BYTES]));
    return ConnectService.builder(SERVICE)
        .serverStream(
            "Flood",
            Int32Value.getDefaultInstance(),
            (request, context) ->
                Flux.<BytesValue>generate(sink -> sink.next(bulk))
                    .take(MESSAGE_CAP)
                    .doOnRequest(n -> largestRequest.accumulateAndGet(n, Math::max))
                    .doOnNext(message -> produced.incrementAndGet())
                    .doOnCancel(cancelled::countDown))
        .serverStream(
            "Ticks",
            Int32Value.getDefaultInstance(),
            (request, context) ->
                Flux.interval(Duration.ofMillis(20))
                    .map(tick -> Int32Value.of(tick.intValue()))
                    .doOnCancel(cancelled::countDown))
        .build();
  }

  /** Samples the produced count until it has not moved for half a second. */
  private long producedOnceSettled() {
    Long settled =
        Flux.interval(Duration.ofMillis(100))
            .map(tick -> produced.get())
            .buffer(6, 1)
            .filter(window -> window.size() == 6 && window.getFirst() > 0)
            .filter(window -> window.getFirst().equals(window.getLast()))
            .map(List::getFirst)
            .blockFirst(Duration.ofSeconds(20));
    return settled == null ? -1 : settled;
  }

  private static byte[] request() {
    return Envelope.message(Int32Value.of(1).toByteArray(), false).toBytes();
  }

  private static void sendRequest(OutputStream out, String procedure) throws Exception {
    byte[] body = request();
    String head =
        "POST "
            + procedure
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/connect+proto\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static String readStatusLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\r' && c != -1; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }
}
