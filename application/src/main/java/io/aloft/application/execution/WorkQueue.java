package io.aloft.application.execution;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The controller's queue of keys to reconcile, with client-go's workqueue guarantees: a key is
 * queued at most once however often it is added; a key being processed is never handed out again
 * until {@link #done} (an add meanwhile marks it to run once more); and failures back off
 * exponentially per key.
 */
final class WorkQueue<K> {

  private enum State {
    QUEUED,
    PROCESSING,
    /** Processing, and added again meanwhile: requeue when done. */
    DIRTY
  }

  private final Map<K, State> states = new ConcurrentHashMap<>();
  private final Map<K, Integer> failures = new ConcurrentHashMap<>();
  private final Sinks.Many<K> ready =
      Sinks.many().unicast().onBackpressureBuffer(new ConcurrentLinkedQueue<>());
  private final Scheduler timers;
  private final Duration baseDelay;
  private final Duration maxDelay;

  WorkQueue(Scheduler timers, Duration baseDelay, Duration maxDelay) {
    this.timers = timers;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
  }

  /**
   * The keys to work on, each to be followed by {@link #done}; subscribe once. Keys are delivered
   * on {@code workers}, never on the thread that added them: a pass must not run inside an adder (a
   * store write's callback, say) or under the emission lock.
   */
  Flux<K> keys(Scheduler workers) {
    return ready
        .asFlux()
        .publishOn(workers, Queues.SMALL_BUFFER_SIZE)
        .doOnNext(key -> states.put(key, State.PROCESSING));
  }

  void add(K key) {
    boolean[] enqueue = {false};
    states.compute(
        key,
        (k, s) -> {
          if (s == null) {
            enqueue[0] = true;
            return State.QUEUED;
          }
          return s == State.PROCESSING ? State.DIRTY : s;
        });
    if (enqueue[0]) {
      emit(key);
    }
  }

  /** Adds {@code key} after {@code delay}. */
  void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    Mono.delay(delay, timers).subscribe(tick -> add(key));
  }

  /**
   * Adds {@code key} after a delay that doubles with each failure since the last {@link #forget}.
   */
  void addRateLimited(K key) {
    int count = failures.merge(key, 1, Integer::sum);
    addAfter(key, backoff(count));
  }

  /** Resets the key's failure count after a pass that succeeded. */
  void forget(K key) {
    failures.remove(key);
  }

  /** Marks the end of processing {@code key}; it runs again if it was added meanwhile. */
  void done(K key) {
    boolean[] enqueue = {false};
    states.computeIfPresent(
        key,
        (k, s) -> {
          if (s == State.DIRTY) {
            enqueue[0] = true;
            return State.QUEUED;
          }
          return null;
        });
    if (enqueue[0]) {
      emit(key);
    }
  }

  /** How many keys are queued or being processed. */
  int size() {
    return states.size();
  }

  Duration backoff(int failureCount) {
    int shift = Math.min(failureCount - 1, 30);
    long millis = baseDelay.toMillis() << shift;
    return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
  }

  /**
   * Adders on many threads are serialized here rather than left to spin on the sink. The consumer
   * must hand keys to another thread (see {@link #keys}) so nobody runs a pass under this lock.
   */
  private void emit(K key) {
    synchronized (ready) {
      ready.tryEmitNext(key); // fails only once the controller closed the queue
    }
  }
}
