package io.aloft.application.copilot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class TransferPermitsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void givenMoreWorkThanPermits_whenRunConcurrently_thenNeverMoreThanThePermitsAtOnce() {
    TransferPermits permits = new TransferPermits(3);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();

    Flux<Integer> work =
        Flux.range(0, 50)
            .flatMap(
                i ->
                    permits.with(
                        () ->
                            Mono.fromCallable(
                                    () -> {
                                      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                                      return i;
                                    })
                                .delayElement(Duration.ofMillis(1))
                                .doOnSuccess(value -> running.decrementAndGet())),
                50);

    StepVerifier.create(work).expectNextCount(50).expectComplete().verify(TIMEOUT);
    assertThat(peak.get()).isEqualTo(3);
    assertThat(permits.available()).isEqualTo(3);
  }

  @Test
  void givenFailingAndCancelledWork_whenDone_thenEveryPermitReturned() {
    TransferPermits permits = new TransferPermits(1);
    Sinks.One<Integer> never = Sinks.one();

    StepVerifier.create(permits.with(() -> Mono.error(new IllegalStateException("boom"))))
        .expectError(IllegalStateException.class)
        .verify(TIMEOUT);
    StepVerifier.create(permits.with(never::asMono)).thenCancel().verify(TIMEOUT);
    StepVerifier.create(permits.with(() -> Mono.just(1))).thenCancel().verify(TIMEOUT);

    assertThat(permits.available()).isEqualTo(1);
  }

  @Test
  void givenAWaiterCancelled_whenThePermitFrees_thenItGoesToTheNextWaiter() {
    TransferPermits permits = new TransferPermits(1);
    Sinks.One<Integer> holder = Sinks.one();
    var held = permits.with(holder::asMono).subscribe();
    var waiter = permits.with(() -> Mono.just(2)).subscribe();

    waiter.dispose();
    holder.tryEmitValue(1);

    StepVerifier.create(permits.with(() -> Mono.just(3)))
        .expectNext(3)
        .expectComplete()
        .verify(TIMEOUT);
    held.dispose();
    assertThat(permits.available()).isEqualTo(1);
  }
}
