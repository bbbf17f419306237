package io.aloft.bench.scenario;

import io.aloft.bench.fixture.ActionEvents;
import io.aloft.bench.fixture.Transition;
import io.aloft.bench.stats.Latencies;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.run.v1.Action;
import io.aloft.proto.run.v1.EnrichedAction;
import io.aloft.proto.run.v1.WatchActionsResponse;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One run, its WatchActions stream, and the transitions sent but not yet seen on the stream. A
 * transition counts as delivered when a row at least that far arrives; "exact" when the row shows
 * precisely that (attempt, phase), "coalesced" when the stream skipped to a later row.
 */
final class WatchedRun {

  private record Pending(long startNanos, Sinks.One<Long> arrival) {}

  final RunIdentifier run;
  final AtomicInteger exact = new AtomicInteger();
  final AtomicInteger coalesced = new AtomicInteger();
  final AtomicInteger rows = new AtomicInteger();
  private final Latencies latencies;
  private final ConcurrentSkipListMap<Integer, Pending> pending = new ConcurrentSkipListMap<>();
  private final Sinks.One<Boolean> firstRow = Sinks.one();
  private volatile int seenOrder;
  private volatile Transition current = Transition.CREATED;
  private volatile Throwable failure;

  WatchedRun(RunIdentifier run, Latencies latencies) {
    this.run = run;
    this.latencies = latencies;
  }

  /** Registers the next transition before it is sent; completes when the stream shows it. */
  Mono<Long> expectNext(Transition next, long startNanos) {
    Sinks.One<Long> arrival = Sinks.one();
    pending.put(next.order(), new Pending(startNanos, arrival));
    current = next;
    if (seenOrder >= next.order()) {
      onRow(seenOrder);
    }
    return arrival.asMono();
  }

  Transition current() {
    return current;
  }

  Mono<Boolean> firstRow() {
    return firstRow.asMono();
  }

  int seenOrder() {
    return seenOrder;
  }

  Throwable failure() {
    return failure;
  }

  void accept(WatchActionsResponse response) {
    for (EnrichedAction enriched : response.getEnrichedActionsList()) {
      Action action = enriched.getAction();
      if (action.getId().getName().equals(ActionEvents.ROOT_ACTION)) {
        rows.incrementAndGet();
        int order =
            Transition.order(action.getStatus().getAttempts(), action.getStatus().getPhaseValue());
        seenOrder = Math.max(seenOrder, order);
        onRow(order);
        firstRow.tryEmitValue(Boolean.TRUE);
      }
    }
  }

  void fail(Throwable error) {
    failure = error;
    firstRow.tryEmitError(error);
    pending.values().forEach(p -> p.arrival().tryEmitError(error));
  }

  private void onRow(int order) {
    long now = System.nanoTime();
    var reached = pending.headMap(order, true);
    for (var entry : reached.entrySet()) {
      if (pending.remove(entry.getKey()) != null) {
        (entry.getKey() == order ? exact : coalesced).incrementAndGet();
        latencies.add(now - entry.getValue().startNanos());
        entry.getValue().arrival().tryEmitValue(now);
      }
    }
  }
}
