package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Message;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The response body of a stream, driven by demand and virtual time instead of a network. */
class StreamFramesTest {

  private static final int PREFETCH = 4;

  private final StreamCall call =
      new StreamCall(
          new MethodBinding.ServerStream("/a.B/C", Empty.getDefaultInstance(), (r, c) -> null),
          ConnectOptions.defaults().withStreamPrefetch(PREFETCH),
          new ErrorClassifier(ErrorTranslator.none()));

  @Test
  void givenEndlessReplies_WhenNetworkAsksForFew_ThenHandlerIsAskedForAtMostPrefetchAhead() {
    AtomicLong requested = new AtomicLong();
    AtomicLong largestRequest = new AtomicLong();
    Flux<Message> endless =
        Flux.<Message>generate(sink -> sink.next(Int32Value.of(1)))
            .doOnRequest(
                n -> {
                  requested.addAndGet(n);
                  largestRequest.accumulateAndGet(n, Math::max);
                });

    StepVerifier.create(frames(endless), 0)
        .then(() -> assertThat(requested.get()).isLessThanOrEqualTo(PREFETCH))
        .thenRequest(1)
        .expectNextCount(1)
        .then(() -> assertThat(requested.get()).isLessThanOrEqualTo(1L + PREFETCH))
        .thenRequest(100)
        .expectNextCount(100)
        .then(() -> assertThat(requested.get()).isLessThanOrEqualTo(101L + PREFETCH))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertThat(largestRequest.get()).isLessThanOrEqualTo(PREFETCH);
  }

  @Test
  void givenDeadline_WhenStreamOutlivesIt_ThenRepliesThenDeadlineExceededAndHandlerCancelled() {
    AtomicBoolean cancelled = new AtomicBoolean();
    StepVerifier.withVirtualTime(
            () ->
                frames(
                    Deadlines.apply(
                        Flux.interval(Duration.ofSeconds(1))
                            .<Message>map(i -> Int32Value.of(i.intValue()))
                            .doOnCancel(() -> cancelled.set(true)),
                        Optional.of(Duration.ofMillis(2500)))))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(2))
        .expectNextCount(2)
        .expectNoEvent(Duration.ofMillis(499))
        .thenAwait(Duration.ofMillis(1))
        .assertNext(frame -> assertThat(endStreamCode(frame)).isEqualTo("deadline_exceeded"))
        .verifyComplete();
    assertThat(cancelled).isTrue();
  }

  @Test
  void givenDownstreamCancel_WhenStreaming_ThenRepliesAreCancelled() {
    AtomicBoolean cancelled = new AtomicBoolean();
    Flux<Message> endless =
        Flux.<Message>generate(sink -> sink.next(Int32Value.of(1)))
            .doOnCancel(() -> cancelled.set(true));

    StepVerifier.create(frames(endless), 2).expectNextCount(2).thenCancel().verify();
    assertThat(cancelled).isTrue();
  }

  @Test
  void givenRepliesFailingWithUnexpectedError_WhenStreaming_ThenInternalEndStream() {
    Flux<Message> failing = Flux.error(new IllegalStateException("secret"));

    StepVerifier.create(frames(failing))
        .assertNext(frame -> assertThat(endStreamCode(frame)).isEqualTo("internal"))
        .verifyComplete();
  }

  private Flux<DataBuffer> frames(Flux<Message> replies) {
    return call.frames(replies, new ProtoCodec(), Compression.IDENTITY);
  }

  private static String endStreamCode(DataBuffer frame) {
    byte[] bytes = new byte[frame.readableByteCount()];
    frame.read(bytes);
    Envelope envelope = Frames.parse(bytes).getFirst();
    assertThat(envelope.endStream()).isTrue();
    return JsonPath.read(new String(envelope.payload(), StandardCharsets.UTF_8), "$.error.code");
  }
}
