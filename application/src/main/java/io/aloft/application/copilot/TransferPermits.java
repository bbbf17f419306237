package io.aloft.application.copilot;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A non-blocking semaphore bounding a copilot run's concurrent transfers. The copilot's own
 * flatMaps nest (variables, collection entries, directory files, 16 each), so only a count shared
 * by the whole run bounds the total; Resilience4j's Bulkhead would reject or block a thread while
 * full, where this queues the transfer until a permit frees.
 */
final class TransferPermits {

  private final Queue<MonoSink<Permit>> waiting = new ArrayDeque<>();
  private int available;

  TransferPermits(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be positive: " + permits);
    }
    this.available = permits;
  }

  /** Runs {@code work} once a permit is free, and frees it when the work ends however it ends. */
  <T> Mono<T> with(Supplier<Mono<T>> work) {
    return Mono.usingWhen(
        acquire(), permit -> work.get(), permit -> Mono.fromRunnable(permit::release));
  }

  /**
   * A permit handed to a subscriber that was cancelled meanwhile is dropped by Reactor as a
   * discarded value: the discard hook returns it.
   */
  private Mono<Permit> acquire() {
    return Mono.<Permit>create(
            sink -> {
              sink.onCancel(() -> abandon(sink));
              boolean granted;
              synchronized (this) {
                granted = available > 0;
                if (granted) {
                  available--;
                } else {
                  waiting.add(sink);
                }
              }
              if (granted) {
                sink.success(new Permit());
              }
            })
        .doOnDiscard(Permit.class, Permit::release);
  }

  /** A cancelled waiter leaves the queue (a permit already handed to it comes back discarded). */
  private synchronized void abandon(MonoSink<Permit> sink) {
    waiting.remove(sink);
  }

  private void handOn() {
    MonoSink<Permit> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        available++;
      }
    }
    if (next != null) {
      next.success(new Permit());
    }
  }

  synchronized int available() {
    return available;
  }

  /** Frees its count once, however many of the cleanup paths run. */
  private final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    void release() {
      if (released.compareAndSet(false, true)) {
        handOn();
      }
    }
  }
}
