package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.stats.HeapProbe;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.bench.stats.Window;
import io.aloft.proto.core.v1.RunIdentifier;
import java.time.Duration;
import java.util.List;

/**
 * Target 3: {@code streams} concurrent WatchActions streams, one per run. First a burst of {@code
 * updates} rounds (one transition per run per round) sent as fast as the manager accepts them, then
 * {@code paced-updates} rounds at {@code paced-rate} updates/s. Checks that every stream saw every
 * update and reads the manager's heap after a full GC, idle and after the load.
 */
public final class WatchScenario {

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

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
        WatchUpdates updates = new WatchUpdates(client, streams.runs, options.integer("batch", 50));
        burst(streams, updates, delivery, opening, heapIdle);
        paced(streams, updates, delivery);
        new Results("watch-heap")
            .decimal("idle_mib", heapIdle)
            .decimal("after_load_mib", heap.usedAfterGcMib())
            .print();
      }
    }
  }

  private void burst(
      WatchStreams streams,
      WatchUpdates updates,
      Latencies delivery,
      Duration opening,
      double heapIdle) {
    int rounds = options.integer("updates", 8);
    long start = System.nanoTime();
    long wallStart = System.currentTimeMillis();
    updates.burst(rounds, options.integer("calls", 8));
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    Duration catchUp = updates.awaitDelivery(DELIVERY_TIMEOUT);
    new Window("watch-burst", wallStart, System.currentTimeMillis()).print();
    report("watch", streams, rounds, DeliveryCounts.of(streams.runs), delivery, sendSeconds)
        .decimal("open_all_s", opening.toMillis() / 1000.0)
        .decimal("catch_up_after_send_s", catchUp.toMillis() / 1000.0)
        .print();
  }

  private void paced(WatchStreams streams, WatchUpdates updates, Latencies delivery) {
    int rounds = options.integer("paced-updates", 2);
    int rate = options.integer("paced-rate", 200);
    if (rounds == 0) {
      return;
    }
    DeliveryCounts before = DeliveryCounts.of(streams.runs);
    delivery.clear();
    long start = System.nanoTime();
    long wallStart = System.currentTimeMillis();
    updates.paced(rounds, rate);
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    updates.awaitDelivery(DELIVERY_TIMEOUT);
    new Window("watch-paced", wallStart, System.currentTimeMillis()).print();
    report(
            "watch-paced",
            streams,
            rounds,
            DeliveryCounts.of(streams.runs).since(before),
            delivery,
            sendSeconds)
        .put("target_updates_per_s", rate)
        .print();
  }

  private static Results report(
      String name,
      WatchStreams streams,
      int rounds,
      DeliveryCounts counts,
      Latencies delivery,
      double sendSeconds) {
    long expected = (long) streams.runs.size() * rounds;
    return new Results(name)
        .put("streams", streams.runs.size())
        .put("updates_expected", expected)
        .put("delivered_exact", counts.exact())
        .put("delivered_coalesced", counts.coalesced())
        .put("missing", expected - counts.exact() - counts.coalesced())
        .put("streams_failed", streams.failed())
        .decimal("sent_updates_per_s", expected / sendSeconds)
        .decimal("delivery_p50_ms", delivery.percentileMillis(50))
        .decimal("delivery_p99_ms", delivery.percentileMillis(99));
  }
}
