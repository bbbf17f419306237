package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.bench.stats.Window;
import io.aloft.proto.core.v1.RunIdentifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Target 1: appends per second through EventsService/Record with {@code clients} concurrent
 * clients, once with one event per call and once with {@code batch} events per call.
 */
public final class AppendScenario {

  private final BenchOptions options;

  public AppendScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    int clients = options.integer("clients", 16);
    int batch = options.integer("batch", 50);
    int actionsPerClient = Math.max(batch, options.integer("actions-per-client", 50));
    try (ConnectClient client = new ConnectClient(options.url(), clients * 2, 1)) {
      BenchFixture fixture = new BenchFixture(client);
      fixture.prepare();
      List<RunIdentifier> runs =
          fixture.createRuns(
              options.text("prefix", "e"),
              clients * actionsPerClient,
              options.integer("setup-calls", 16));
      List<AppendClient> appenders =
          IntStream.range(0, clients)
              .mapToObj(
                  c ->
                      new AppendClient(
                          client, runs.subList(c * actionsPerClient, (c + 1) * actionsPerClient)))
              .toList();
      measure(appenders, "single", 1);
      measure(appenders, "batched", batch);
    }
  }

  private void measure(List<AppendClient> appenders, String variant, int batch) {
    Duration warmup = Duration.ofSeconds(options.integer("warmup-seconds", 5));
    Duration window = Duration.ofSeconds(options.integer("seconds", 20));
    Window wall = Window.after("appends-" + variant, warmup, window);
    long start = System.nanoTime() + warmup.toNanos();
    long end = start + window.toNanos();
    AtomicLong events = new AtomicLong();
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    Latencies callLatency = new Latencies();
    Flux.fromIterable(appenders)
        .flatMap(
            appender ->
                Mono.defer(
                        () -> {
                          long callStart = System.nanoTime();
                          return appender
                              .recordNext(batch)
                              .doOnNext(
                                  recorded -> {
                                    long now = System.nanoTime();
                                    if (callStart >= start && now <= end) {
                                      events.addAndGet(recorded);
                                      calls.incrementAndGet();
                                      callLatency.add(now - callStart);
                                    }
                                  })
                              .onErrorResume(
                                  error -> {
                                    if (errors.incrementAndGet() <= 5) {
                                      System.err.println("Record failed: " + error.getMessage());
                                    }
                                    return Mono.empty();
                                  });
                        })
                    .repeat(() -> System.nanoTime() < end),
            appenders.size())
        .blockLast();
    wall.print();
    double seconds = window.toNanos() / 1e9;
    new Results("appends")
        .put("variant", variant)
        .put("clients", appenders.size())
        .put("events_per_call", batch)
        .put("events", events.get())
        .decimal("seconds", seconds)
        .decimal("events_per_s", events.get() / seconds)
        .decimal("calls_per_s", calls.get() / seconds)
        .decimal("call_p50_ms", callLatency.percentileMillis(50))
        .decimal("call_p99_ms", callLatency.percentileMillis(99))
        .put("errors", errors.get())
        .print();
  }
}
