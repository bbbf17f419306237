package io.aloft.application.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

class WorkQueueTest {

  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final WorkQueue<String> queue =
      new WorkQueue<>(time, Duration.ofMillis(5), Duration.ofSeconds(1));
  private final List<String> handedOut = new CopyOnWriteArrayList<>();

  @Test
  void aKeyAddedManyTimesIsQueuedOnce() {
    queue.add("a");
    queue.add("a");
    queue.add("b");
    Disposable worker = queue.keys(Schedulers.immediate()).subscribe(handedOut::add);

    assertThat(handedOut).containsExactly("a", "b");
    worker.dispose();
  }

  @Test
  void aKeyBeingProcessedIsHandedOutAgainOnlyAfterDone() {
    Disposable worker = queue.keys(Schedulers.immediate()).subscribe(handedOut::add);
    queue.add("a");
    assertThat(handedOut).containsExactly("a");

    queue.add("a");
    queue.add("a");
    assertThat(handedOut).containsExactly("a");

    queue.done("a");
    assertThat(handedOut).containsExactly("a", "a");
    queue.done("a");
    assertThat(handedOut).containsExactly("a", "a");
    assertThat(queue.size()).isZero();
    worker.dispose();
  }

  @Test
  void delayedAddsWaitForTheClock() {
    Disposable worker = queue.keys(Schedulers.immediate()).subscribe(handedOut::add);
    queue.addAfter("a", Duration.ofSeconds(10));

    time.advanceTimeBy(Duration.ofSeconds(9));
    assertThat(handedOut).isEmpty();
    time.advanceTimeBy(Duration.ofSeconds(1));
    assertThat(handedOut).containsExactly("a");
    worker.dispose();
  }

  @Test
  void failuresBackOffExponentiallyUpToTheMaximumAndForgetResets() {
    assertThat(queue.backoff(1)).isEqualTo(Duration.ofMillis(5));
    assertThat(queue.backoff(2)).isEqualTo(Duration.ofMillis(10));
    assertThat(queue.backoff(5)).isEqualTo(Duration.ofMillis(80));
    assertThat(queue.backoff(40)).isEqualTo(Duration.ofSeconds(1));

    Disposable worker = queue.keys(Schedulers.immediate()).subscribe(handedOut::add);
    queue.addRateLimited("a");
    queue.addRateLimited("a");
    time.advanceTimeBy(Duration.ofMillis(5));
    assertThat(handedOut).containsExactly("a");
    queue.done("a");
    queue.forget("a");
    queue.addRateLimited("a");
    time.advanceTimeBy(Duration.ofMillis(5));
    assertThat(handedOut).containsExactly("a", "a");
    worker.dispose();
  }
}
