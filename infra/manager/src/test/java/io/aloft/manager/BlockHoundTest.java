package io.aloft.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Proves BlockHound guards this test JVM (installed by blockhound-junit-platform): blocking on a
 * non-blocking thread fails loudly, so every other test here would catch a blocking call on an
 * event loop.
 */
class BlockHoundTest {

  @Test
  void givenBlockingCallOnNonBlockingThread_ThenBlockHoundRejectsIt() {
    Mono<Boolean> blocking =
        Mono.fromCallable(
                // Parking a thread is what any blocking call ends in; BlockHound must refuse it.
                () -> new CountDownLatch(1).await(1, TimeUnit.MILLISECONDS))
            .subscribeOn(Schedulers.parallel());
    StepVerifier.create(blocking)
        .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("Blocking call"))
        .verify(Duration.ofSeconds(5));
  }
}
