package io.aloft.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import software.amazon.awssdk.core.async.AsyncRequestBody;

class CountingBodyTest {

  @Test
  void givenAnAttemptThatSentItsBytes_WhenRetracted_ThenTheProgressIsBackWhereItStarted() {
    AtomicLong heard = new AtomicLong(100); // bytes of other transfers
    CountingBody body =
        new CountingBody(
            AsyncRequestBody.fromPublisher(
                Flux.range(0, 5).map(i -> ByteBuffer.wrap(new byte[1000]))),
            heard::addAndGet);

    StepVerifier.create(Flux.from(body).map(ByteBuffer::remaining))
        .expectNextCount(5)
        .expectComplete()
        .verify(Duration.ofSeconds(5));
    assertThat(heard.get()).isEqualTo(5_100);

    body.retract();
    body.retract(); // a second failure report takes nothing more

    assertThat(heard.get()).isEqualTo(100);
  }
}
