package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.ActionEvents;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.fixture.Methods;
import io.aloft.bench.fixture.Transition;
import io.aloft.bench.stats.HeapProbe;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.bench.stats.Window;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.events.v1.ActionEvent;
import io.aloft.proto.events.v1.RecordResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Target 3: {@code streams} concurrent WatchActions streams, one per run. Sends {@code updates}
 * rounds of transitions (one per run per round, {@code batch} events per Record call), then checks
 * that every stream saw every update, and reads the manager's heap after a full GC.
 */
public final class WatchScenario {

  private final BenchOptions options;

  public WatchScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    int streamCount = options.integer("streams", 1000);
    HeapProbe heap = new HeapProbe(options.pid("manager-pid"));
    try (ConnectClient client = new ConnectClient(options.url(), 32, streamCount + 8)) {
      BenchFixture fixture = new BenchFixture(client);
      fixture.prepare();
      List<RunIdentifier> runs =
          fixture.createRuns(
              options.text("prefix", "w"), streamCount, options.integer("setup-calls", 16));
      Latencies delivery = new Latencies();
      try (WatchStreams streams = new WatchStreams(client, runs, delivery)) {
        Duration opening = streams.awaitSnapshots(Duration.ofMinutes(2));
        double heapIdle = heap.usedAfterGcMib();
        long sendStart = System.nanoTime();
        long wallStart = System.currentTimeMillis();
        sendUpdates(client, streams.runs);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        Duration catchUp = awaitDelivery(streams.runs);
        new Window("watch", wallStart, System.currentTimeMillis()).print();
        double heapAfter = heap.usedAfterGcMib();
        report(streams, delivery, opening, sendSeconds, catchUp, heapIdle, heapAfter);
      }
    }
  }

  private void sendUpdates(ConnectClient client, List<WatchedRun> runs) {
    int rounds = options.integer("updates", 8);
    int batch = options.integer("batch", 50);
    int calls = options.integer("calls", 8);
    Flux.range(0, rounds)
        .concatMap(
            round ->
                Flux.fromIterable(partition(runs, batch))
                    .flatMap(slice -> record(client, slice), calls)
                    .then())
        .blockLast();
  }

  private static Mono<RecordResponse> record(ConnectClient client, List<WatchedRun> slice) {
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

  private static Duration awaitDelivery(List<WatchedRun> runs) {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && !allDelivered(runs)) {
      sleep(Duration.ofMillis(20));
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static boolean allDelivered(List<WatchedRun> runs) {
    return runs.stream().allMatch(run -> run.seenOrder() >= run.current().order());
  }

  private void report(
      WatchStreams streams,
      Latencies delivery,
      Duration opening,
      double sendSeconds,
      Duration catchUp,
      double heapIdle,
      double heapAfter) {
    List<WatchedRun> runs = streams.runs;
    long expected = (long) runs.size() * options.integer("updates", 8);
    long exact = runs.stream().mapToLong(run -> run.exact.get()).sum();
    long coalesced = runs.stream().mapToLong(run -> run.coalesced.get()).sum();
    long complete = runs.stream().filter(run -> run.seenOrder() >= run.current().order()).count();
    new Results("watch")
        .put("streams", runs.size())
        .decimal("open_all_s", opening.toMillis() / 1000.0)
        .put("updates_expected", expected)
        .put("delivered_exact", exact)
        .put("delivered_coalesced", coalesced)
        .put("missing", expected - exact - coalesced)
        .put("streams_complete", complete)
        .put("streams_failed", streams.failed())
        .decimal("send_s", sendSeconds)
        .decimal("updates_per_s", expected / sendSeconds)
        .decimal("catch_up_after_send_ms", catchUp.toMillis())
        .decimal("delivery_p50_ms", delivery.percentileMillis(50))
        .decimal("delivery_p99_ms", delivery.percentileMillis(99))
        .decimal("heap_idle_mib", heapIdle)
        .decimal("heap_after_mib", heapAfter)
        .print();
  }

  private static <T> List<List<T>> partition(List<T> items, int size) {
    List<List<T>> slices = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      slices.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return slices;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
