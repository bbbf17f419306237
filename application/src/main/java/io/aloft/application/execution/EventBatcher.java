package io.aloft.application.execution;

import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.domain.action.RecordActionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Sends the controller's events to EventsService in batches of up to {@code maxEvents}, waiting at
 * most {@code linger} for a batch to fill. One batch is in flight at a time and batches leave in
 * arrival order, so events of one action are never reordered. Each submitter learns whether its own
 * events were stored: a batch that fails is retried group by group, so one bad group cannot fail
 * the others.
 */
final class EventBatcher {

  private record Pending(List<RecordActionEvent> events, MonoSink<Void> done) {}

  private final RecordEventsUseCase events;
  private final int maxEvents;
  private final Duration linger;
  private final Scheduler timers;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queuedEvents = new AtomicInteger();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private final AtomicBoolean timerArmed = new AtomicBoolean();

  EventBatcher(RecordEventsUseCase events, int maxEvents, Duration linger, Scheduler timers) {
    this.events = events;
    this.maxEvents = maxEvents;
    this.linger = linger;
    this.timers = timers;
  }

  /** Completes once {@code batch} is stored, or fails with the reason it was not. */
  Mono<Void> submit(List<RecordActionEvent> batch) {
    if (batch.isEmpty()) {
      return Mono.empty();
    }
    return Mono.create(
        sink -> {
          queue.add(new Pending(List.copyOf(batch), sink));
          queuedEvents.addAndGet(batch.size());
          maybeFlush();
        });
  }

  private void maybeFlush() {
    if (queue.isEmpty()) {
      return;
    }
    if (queuedEvents.get() >= maxEvents || linger.isZero()) {
      flush();
    } else if (timerArmed.compareAndSet(false, true)) {
      timers.schedule(
          () -> {
            timerArmed.set(false);
            flush();
          },
          linger.toNanos(),
          java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private void flush() {
    if (!flushing.compareAndSet(false, true)) {
      return; // the running flush looks at the queue again when it ends
    }
    List<Pending> batch = takeBatch();
    if (batch.isEmpty()) {
      flushing.set(false);
      maybeFlush();
      return;
    }
    send(batch)
        .doFinally(
            signal -> {
              flushing.set(false);
              maybeFlush();
            })
        .subscribe();
  }

  private List<Pending> takeBatch() {
    List<Pending> batch = new ArrayList<>();
    int size = 0;
    Pending next;
    while ((next = queue.peek()) != null
        && (batch.isEmpty() || size + next.events().size() <= maxEvents)) {
      queue.poll();
      batch.add(next);
      size += next.events().size();
    }
    queuedEvents.addAndGet(-size);
    return batch;
  }

  private Mono<Void> send(List<Pending> batch) {
    List<RecordActionEvent> all = batch.stream().flatMap(p -> p.events().stream()).toList();
    return events
        .record(all)
        .doOnSuccess(ok -> batch.forEach(p -> p.done().success()))
        .onErrorResume(
            batchFailure -> batch.size() == 1 ? fail(batch.get(0), batchFailure) : oneByOne(batch));
  }

  private Mono<Void> oneByOne(List<Pending> batch) {
    return Flux.fromIterable(batch)
        .concatMap(
            p ->
                events
                    .record(p.events())
                    .doOnSuccess(ok -> p.done().success())
                    .onErrorResume(error -> fail(p, error)))
        .then();
  }

  private static Mono<Void> fail(Pending pending, Throwable error) {
    pending.done().error(error);
    return Mono.empty();
  }
}
