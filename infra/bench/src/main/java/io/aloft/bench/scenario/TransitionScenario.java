package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.ActionEvents;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.fixture.Methods;
import io.aloft.bench.fixture.Transition;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.bench.stats.Window;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.events.v1.RecordResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Target 2: phase transitions per second end to end. Each of {@code runs} runs has a WatchActions
 * stream; a driver per run records its root action's next transition, waits until the stream shows
 * it, and repeats (closed loop: {@code runs} transitions in flight). Latency runs from the start of
 * the Record call to the arrival of the row on the stream.
 */
public final class TransitionScenario {

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private final BenchOptions options;

  public TransitionScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    int runCount = options.integer("runs", 256);
    String prefix = options.text("prefix", "t");
    try (ConnectClient client = new ConnectClient(options.url(), runCount, runCount + 8)) {
      BenchFixture fixture = new BenchFixture(client);
      fixture.prepare();
      List<RunIdentifier> runs =
          fixture.createRuns(prefix, runCount, options.integer("setup-calls", 16));
      try (WatchStreams streams = new WatchStreams(client, runs, new Latencies())) {
        streams.awaitSnapshots(Duration.ofMinutes(2));
        measure(client, streams);
      }
    }
  }

  private void measure(ConnectClient client, WatchStreams streams) {
    Duration warmup = Duration.ofSeconds(options.integer("warmup-seconds", 5));
    Duration window = Duration.ofSeconds(options.integer("seconds", 20));
    Window wall = Window.after(options.text("name", "transitions"), warmup, window);
    long start = System.nanoTime() + warmup.toNanos();
    long end = start + window.toNanos();
    AtomicLong transitions = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    Latencies endToEnd = new Latencies();
    Latencies recordCall = new Latencies();
    Flux.fromIterable(streams.runs)
        .flatMap(
            watched ->
                Mono.defer(
                        () -> {
                          Transition next = watched.current().next();
                          long t0 = System.nanoTime();
                          Mono<Long> arrival = watched.expectNext(next, t0);
                          Mono<Long> replied =
                              client
                                  .call(
                                      Methods.RECORD,
                                      ActionEvents.request(
                                          List.of(
                                              ActionEvents.event(
                                                  watched.run, next.attempt(), next.phase(), 0))),
                                      RecordResponse.parser())
                                  .map(reply -> System.nanoTime());
                          return Mono.zip(replied, arrival)
                              .timeout(DELIVERY_TIMEOUT)
                              .doOnNext(
                                  times -> {
                                    if (t0 >= start && times.getT2() <= end) {
                                      transitions.incrementAndGet();
                                      endToEnd.add(times.getT2() - t0);
                                      recordCall.add(times.getT1() - t0);
                                    }
                                  });
                        })
                    .repeat(() -> System.nanoTime() < end)
                    .onErrorResume(
                        error -> {
                          if (errors.incrementAndGet() <= 5) {
                            System.err.println(
                                "transition of " + watched.run.getName() + " failed: " + error);
                          }
                          return Mono.empty();
                        }),
            streams.runs.size())
        .blockLast();
    wall.print();
    double seconds = window.toNanos() / 1e9;
    new Results(options.text("name", "transitions"))
        .put("runs_in_flight", streams.runs.size())
        .put("transitions", transitions.get())
        .decimal("seconds", seconds)
        .decimal("transitions_per_s", transitions.get() / seconds)
        .decimal("p50_ms", endToEnd.percentileMillis(50))
        .decimal("p99_ms", endToEnd.percentileMillis(99))
        .decimal("max_ms", endToEnd.percentileMillis(100))
        .decimal("record_call_p50_ms", recordCall.percentileMillis(50))
        .decimal("record_call_p99_ms", recordCall.percentileMillis(99))
        .put("failed_runs", errors.get())
        .put("failed_streams", streams.failed())
        .print();
  }
}
