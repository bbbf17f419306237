package io.aloft.bench.scenario;

import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.Methods;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.run.v1.ActionEventRecord;
import io.aloft.proto.run.v1.ListActionEventsRequest;
import io.aloft.proto.run.v1.ListActionEventsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Per execution of a throughput scenario: when its request (CreateRun or Enqueue) started, when the
 * stream showed it finished, and, for an even sample read back with ListActionEvents afterwards,
 * when its terminal executor event was stored. The stored times tell a slow executor (events stored
 * late) from a slow stream (events stored early, shown late).
 */
final class ExecutionTimes {

  private final Instant baseWall = Instant.now();
  private final long baseNanos = System.nanoTime();
  private final Map<String, Long> started = new ConcurrentHashMap<>();

  void started(String name, long nanos) {
    started.put(name, nanos);
  }

  java.util.Set<String> names() {
    return started.keySet();
  }

  /** Adds the request-to-seen latencies and the stored sample to {@code results}. */
  void report(
      Results results,
      Completions done,
      ConnectClient client,
      Function<String, ActionIdentifier> actionOf,
      long sendEndNanos,
      int sampleSize) {
    Latencies seen = new Latencies();
    started.forEach(
        (name, start) -> {
          Long at = done.seenAt(name);
          if (at != null) {
            seen.add(at - start);
          }
        });
    List<String> names = new ArrayList<>(started.keySet());
    names.sort(null);
    List<String> sample = new ArrayList<>();
    int step = Math.max(1, names.size() / Math.max(1, sampleSize));
    for (int i = 0; i < names.size(); i += step) {
      sample.add(names.get(i));
    }
    Latencies stored = new Latencies();
    AtomicInteger storedWhileSending = new AtomicInteger();
    Flux.fromIterable(sample)
        .flatMap(
            name ->
                terminalStored(client, actionOf.apply(name))
                    .doOnNext(
                        at -> {
                          long nanos = baseNanos + Duration.between(baseWall, at).toNanos();
                          stored.add(nanos - started.get(name));
                          if (nanos <= sendEndNanos) {
                            storedWhileSending.incrementAndGet();
                          }
                        }),
            4)
        .blockLast();
    results
        .decimal("exec_latency_p50_ms", seen.percentileMillis(50))
        .decimal("exec_latency_p99_ms", seen.percentileMillis(99))
        .put("stored_sample", stored.count())
        .decimal("stored_latency_p50_ms", stored.percentileMillis(50))
        .decimal("stored_latency_p99_ms", stored.percentileMillis(99))
        .decimal(
            "stored_while_sending_pct",
            stored.count() == 0 ? Double.NaN : 100.0 * storedWhileSending.get() / stored.count());
  }

  /** When the action's first terminal executor event was stored. */
  private static Mono<Instant> terminalStored(ConnectClient client, ActionIdentifier action) {
    return client
        .call(
            Methods.LIST_ACTION_EVENTS,
            ListActionEventsRequest.newBuilder().setActionId(action).setLimit(200).build(),
            ListActionEventsResponse.parser())
        .flatMapIterable(ListActionEventsResponse::getEventsList)
        .filter(r -> r.hasEvent() && Completions.isTerminal(r.getEvent().getPhase()))
        .next()
        .map(ActionEventRecord::getTimestamp)
        .map(t -> Instant.ofEpochSecond(t.getSeconds(), t.getNanos()))
        .onErrorResume(
            error -> {
              System.err.println("ListActionEvents of " + action.getName() + " failed: " + error);
              return Mono.empty();
            });
  }
}
