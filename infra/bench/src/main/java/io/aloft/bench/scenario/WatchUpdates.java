package io.aloft.bench.scenario;

import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.ActionEvents;
import io.aloft.bench.fixture.Methods;
import io.aloft.bench.fixture.Transition;
import io.aloft.proto.events.v1.ActionEvent;
import io.aloft.proto.events.v1.RecordResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends rounds of transitions to watched runs (one per run per round, {@code batch} events per
 * Record call), either as fast as {@code calls} concurrent calls allow or paced at a fixed rate. A
 * round ends before the next starts, so one action's events never race each other.
 */
final class WatchUpdates {

  private final ConnectClient client;
  private final List<WatchedRun> runs;
  private final int batch;

  WatchUpdates(ConnectClient client, List<WatchedRun> runs, int batch) {
    this.client = client;
    this.runs = runs;
    this.batch = batch;
  }

  void burst(int rounds, int calls) {
    Flux.range(0, rounds)
        .concatMap(round -> Flux.fromIterable(slices()).flatMap(this::record, calls).then())
        .blockLast();
  }

  void paced(int rounds, int updatesPerSecond) {
    Duration interval = Duration.ofNanos(batch * 1_000_000_000L / updatesPerSecond);
    Flux.range(0, rounds)
        .concatMap(
            round ->
                Flux.fromIterable(slices())
                    .delayElements(interval)
                    .flatMap(this::record, Integer.MAX_VALUE)
                    .then())
        .blockLast();
  }

  /** Waits until every stream showed its latest transition; returns how long that took. */
  Duration awaitDelivery(Duration timeout) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < timeout.toNanos() && !allDelivered()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  boolean allDelivered() {
    return runs.stream().allMatch(run -> run.seenOrder() >= run.current().order());
  }

  private Mono<RecordResponse> record(List<WatchedRun> slice) {
    return Mono.defer(
        () -> {
          long t0 = System.nanoTime();
          List<ActionEvent> events = new ArrayList<>(slice.size());
          for (WatchedRun watched : slice) {
            Transition next = watched.current().next();
            watched.expectNext(next, t0);
            events.add(ActionEvents.event(watched.run, next.attempt(), next.phase(), 0));
          }
          return client.call(Methods.RECORD, ActionEvents.request(events), RecordResponse.parser());
        });
  }

  private List<List<WatchedRun>> slices() {
    List<List<WatchedRun>> slices = new ArrayList<>();
    for (int i = 0; i < runs.size(); i += batch) {
      slices.add(runs.subList(i, Math.min(runs.size(), i + batch)));
    }
    return slices;
  }
}
