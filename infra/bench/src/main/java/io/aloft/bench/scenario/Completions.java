package io.aloft.bench.scenario;

import io.aloft.proto.core.v1.ActionPhase;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Which actions (or runs) a watch stream showed in a terminal phase, and when each was seen first:
 * the count of executions completed and the time of the last one. Names outside {@code interest}
 * (warm-up work, the root) are ignored. Thread-safe.
 */
final class Completions {

  private final Predicate<String> interest;
  private final ConcurrentHashMap<String, ActionPhase> terminal = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> seenAt = new ConcurrentHashMap<>();
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong lastNanos = new AtomicLong();
  private final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);
  private final AtomicInteger fromEventLog = new AtomicInteger();
  private final java.time.Instant baseWall = java.time.Instant.now();
  private final long baseNanos = System.nanoTime();
  private volatile boolean stalled;

  /**
   * How long a stream may show no new completion, while some are missing, before it counts as
   * stalled.
   */
  static final Duration STALL = Duration.ofSeconds(30);

  Completions(Predicate<String> interest) {
    this.interest = interest;
  }

  static boolean isTerminal(ActionPhase phase) {
    return switch (phase) {
      case ACTION_PHASE_SUCCEEDED,
          ACTION_PHASE_FAILED,
          ACTION_PHASE_ABORTED,
          ACTION_PHASE_TIMED_OUT,
          ACTION_PHASE_RECOVERED ->
          true;
      default -> false;
    };
  }

  /** One row of a watch stream. */
  void observe(String name, ActionPhase phase) {
    observe(name, phase, System.nanoTime());
  }

  private boolean observe(String name, ActionPhase phase, long now) {
    if (!isTerminal(phase) || !interest.test(name)) {
      return false;
    }
    if (terminal.putIfAbsent(name, phase) == null) {
      seenAt.put(name, now);
      (phase == ActionPhase.ACTION_PHASE_SUCCEEDED ? succeeded : failed).incrementAndGet();
      lastNanos.accumulateAndGet(now, Math::max);
      firstNanos.accumulateAndGet(now, Math::min);
      return true;
    }
    return false;
  }

  /** Whether the last {@link #await} ended because the stream stopped showing completions. */
  boolean stalled() {
    return stalled;
  }

  /** How many completions {@link #fillFromEventLog} found. */
  int fromEventLog() {
    return fromEventLog.get();
  }

  /**
   * After a stalled stream: reads the event log (ListActionEvents) of every name not seen complete
   * and counts those whose executor event was stored as terminal, at the time it was stored.
   */
  void fillFromEventLog(
      io.aloft.bench.connect.ConnectClient client,
      java.util.Collection<String> names,
      java.util.function.Function<String, io.aloft.proto.core.v1.ActionIdentifier> actionOf) {
    reactor.core.publisher.Flux.fromIterable(names)
        .filter(name -> !terminal.containsKey(name))
        .flatMap(
            name ->
                client
                    .call(
                        io.aloft.bench.fixture.Methods.LIST_ACTION_EVENTS,
                        io.aloft.proto.run.v1.ListActionEventsRequest.newBuilder()
                            .setActionId(actionOf.apply(name))
                            .setLimit(200)
                            .build(),
                        io.aloft.proto.run.v1.ListActionEventsResponse.parser())
                    .flatMapIterable(io.aloft.proto.run.v1.ListActionEventsResponse::getEventsList)
                    .filter(r -> r.hasEvent() && isTerminal(r.getEvent().getPhase()))
                    .next()
                    .doOnNext(
                        r -> {
                          var at =
                              java.time.Instant.ofEpochSecond(
                                  r.getTimestamp().getSeconds(), r.getTimestamp().getNanos());
                          long nanos = baseNanos + Duration.between(baseWall, at).toNanos();
                          if (observe(name, r.getEvent().getPhase(), nanos)) {
                            fromEventLog.incrementAndGet();
                          }
                        })
                    .onErrorResume(error -> reactor.core.publisher.Mono.empty()),
            8)
        .blockLast();
  }

  /** When the stream first showed {@code name} terminal (System.nanoTime), or null. */
  Long seenAt(String name) {
    return seenAt.get(name);
  }

  int count() {
    return terminal.size();
  }

  int succeeded() {
    return succeeded.get();
  }

  int failed() {
    return failed.get();
  }

  /** When the last completion was seen (System.nanoTime), 0 before any. */
  long lastNanos() {
    return lastNanos.get();
  }

  long firstNanos() {
    return firstNanos.get();
  }

  /**
   * Waits until {@code expected.getAsInt()} completions were seen (the expectation may still grow)
   * or {@code timeout} passed, or the stream {@code rows} stopped; prints progress every {@code
   * progressEvery}. Returns whether all were seen.
   */
  boolean await(
      java.util.function.IntSupplier expected,
      Duration timeout,
      Duration progressEvery,
      String label,
      RunRows rows) {
    long start = System.nanoTime();
    long nextProgress = start + progressEvery.toNanos();
    int lastCount = count();
    long lastChange = start;
    stalled = false;
    while (count() < expected.getAsInt()) {
      long now = System.nanoTime();
      if (now - start > timeout.toNanos()) {
        return false;
      }
      if (count() != lastCount) {
        lastCount = count();
        lastChange = now;
      } else if (now - lastChange > STALL.toNanos()) {
        System.err.printf(
            "%s: the watch stream showed no completion for %s with %d of %d seen: stalled%n",
            label, STALL, count(), expected.getAsInt());
        stalled = true;
        return false;
      }
      if (rows.problem() != null) {
        System.err.println(label + ": the watch stream stopped: " + rows.problem());
        return false;
      }
      if (now >= nextProgress) {
        System.err.printf(
            "%s: %d of %d complete after %.0f s%n",
            label, count(), expected.getAsInt(), (now - start) / 1e9);
        nextProgress = now + progressEvery.toNanos();
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
