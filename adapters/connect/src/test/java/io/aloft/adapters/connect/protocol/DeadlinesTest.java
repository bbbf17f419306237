package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DeadlinesTest {

  @Test
  void givenUnaryDeadline_WhenCallNeverReplies_ThenDeadlineExceededExactlyAtIt() {
    AtomicBoolean cancelled = new AtomicBoolean();
    StepVerifier.withVirtualTime(
            () ->
                Deadlines.apply(
                    Mono.never().doOnCancel(() -> cancelled.set(true)),
                    Optional.of(Duration.ofSeconds(5))))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(4999))
        .thenAwait(Duration.ofMillis(1))
        .expectErrorSatisfies(DeadlinesTest::assertDeadlineExceeded)
        .verify();
    assertThat(cancelled).isTrue();
  }

  @Test
  void givenStreamDeadline_WhenMessagesKeepComing_ThenItStillEndsAtTheDeadline() {
    StepVerifier.withVirtualTime(
            () ->
                Deadlines.apply(
                    Flux.interval(Duration.ofMillis(100)), Optional.of(Duration.ofSeconds(1))))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(950))
        .expectNextCount(9)
        .thenAwait(Duration.ofMillis(50))
        .expectErrorSatisfies(DeadlinesTest::assertDeadlineExceeded)
        .verify();
  }

  @Test
  void givenStreamDeadline_WhenStreamEndsInTime_ThenItCompletes() {
    StepVerifier.withVirtualTime(
            () -> Deadlines.apply(Flux.just(1, 2), Optional.of(Duration.ofSeconds(1))))
        .expectNext(1, 2)
        .verifyComplete();
  }

  @Test
  void givenNoDeadline_WhenApplied_ThenCallIsUnchanged() {
    Mono<Integer> call = Mono.just(1);
    assertThat(Deadlines.apply(call, Optional.empty())).isSameAs(call);
  }

  private static void assertDeadlineExceeded(Throwable error) {
    assertThat(error).isInstanceOf(ConnectException.class);
    assertThat(((ConnectException) error).code()).isEqualTo(ConnectCode.DEADLINE_EXCEEDED);
  }
}
