package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.ActionEvents;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.fixture.ExecutionFixture;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.bench.stats.Window;
import io.aloft.proto.core.v1.ActionIdentifier;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Execution throughput, many small runs: {@code clients} concurrent clients each call CreateRun of
 * the deployed {@code noop} task in a loop for {@code seconds}; one RunService/WatchRuns stream,
 * opened first, shows each run's root action reaching a terminal phase. The rate is executions
 * completed from the first CreateRun to the last SUCCEEDED seen. {@code warmup-runs} runs go first,
 * untimed, so the JIT and the pools are warm.
 */
public final class ExecRunsScenario {

  private final BenchOptions options;

  public ExecRunsScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    int clients = options.integer("clients", 64);
    String prefix = options.text("prefix", "x");
    String warmPrefix = prefix + "w";
    String measuredPrefix = prefix + "m";
    Duration timeout = Duration.ofSeconds(options.integer("timeout-seconds", 300));
    try (ConnectClient client = new ConnectClient(options.url(), clients + 8, 2)) {
      ExecutionFixture fixture = new ExecutionFixture(client);
      fixture.prepare();
      Completions warm = new Completions(name -> name.startsWith(warmPrefix));
      Completions measured = new Completions(name -> name.startsWith(measuredPrefix));
      try (RunRows rows =
          RunRows.runs(
              client,
              (name, phase) -> {
                warm.observe(name, phase);
                measured.observe(name, phase);
              })) {
        int warmRuns = options.integer("warmup-runs", 500);
        long warmStart = System.nanoTime();
        AtomicInteger warmNext = new AtomicInteger();
        int warmCreated =
            createRuns(
                    fixture,
                    clients,
                    warmPrefix,
                    warmNext,
                    warmRuns,
                    () -> true,
                    new Latencies(),
                    null)
                .created;
        if (!warm.await(() -> warmCreated, timeout, Duration.ofSeconds(10), "warm-up", rows)
            && warm.stalled()) {
          warm.fillFromEventLog(
              client,
              java.util.stream.IntStream.range(0, warmNext.get())
                  .mapToObj(i -> warmPrefix + i)
                  .toList(),
              ExecRunsScenario::rootOf);
        }
        System.out.printf(
            Locale.ROOT,
            "SETUP warm-up: %d noop runs, %d seen complete in %.1f s%n",
            warmCreated,
            warm.count(),
            (System.nanoTime() - warmStart) / 1e9);
        measure(fixture, clients, measuredPrefix, measured, rows, timeout);
      }
    }
  }

  private record Created(int created, long errors) {}

  private static ActionIdentifier rootOf(String run) {
    return ActionIdentifier.newBuilder()
        .setRun(BenchFixture.run(run))
        .setName(ActionEvents.ROOT_ACTION)
        .build();
  }

  private static Created createRuns(
      ExecutionFixture fixture,
      int clients,
      String prefix,
      AtomicInteger next,
      int limit,
      BooleanSupplier more,
      Latencies latency,
      ExecutionTimes times) {
    AtomicInteger created = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    Flux.range(0, clients)
        .flatMap(
            c ->
                Mono.defer(
                        () -> {
                          int index = more.getAsBoolean() ? next.getAndIncrement() : limit;
                          if (index >= limit) {
                            return Mono.<Void>empty();
                          }
                          String name = prefix + index;
                          long t0 = System.nanoTime();
                          if (times != null) {
                            times.started(name, t0);
                          }
                          return fixture
                              .createRun(name, ExecutionFixture.NOOP_TASK)
                              .doOnNext(
                                  reply -> {
                                    latency.add(System.nanoTime() - t0);
                                    created.incrementAndGet();
                                  })
                              .then()
                              .onErrorResume(
                                  error -> {
                                    if (errors.incrementAndGet() <= 5) {
                                      System.err.println("CreateRun failed: " + error);
                                    }
                                    return Mono.empty();
                                  });
                        })
                    .repeat(() -> more.getAsBoolean() && next.get() < limit),
            clients)
        .blockLast();
    return new Created(created.get(), errors.get());
  }

  private void measure(
      ExecutionFixture fixture,
      int clients,
      String prefix,
      Completions done,
      RunRows rows,
      Duration timeout) {
    Duration window = Duration.ofSeconds(options.integer("seconds", 20));
    Latencies createLatency = new Latencies();
    ExecutionTimes times = new ExecutionTimes();
    long wallStart = System.currentTimeMillis();
    long start = System.nanoTime();
    long sendEnd = start + window.toNanos();
    Created created =
        createRuns(
            fixture,
            clients,
            prefix,
            new AtomicInteger(),
            Integer.MAX_VALUE,
            () -> System.nanoTime() < sendEnd,
            createLatency,
            times);
    long sent = System.nanoTime();
    int completedWhileSending = done.count();
    boolean all = done.await(created::created, timeout, Duration.ofSeconds(10), "exec-runs", rows);
    if (!all && done.stalled()) {
      done.fillFromEventLog(fixture.client(), times.names(), ExecRunsScenario::rootOf);
      all = done.count() >= created.created();
    }
    long last = done.lastNanos() == 0 ? System.nanoTime() : done.lastNanos();
    new Window("exec-runs", wallStart, wallStart + (last - start) / 1_000_000).print();
    double wall = (last - start) / 1e9;
    double sending = (sent - start) / 1e9;
    Results results = new Results("exec-runs");
    results
        .put("clients", clients)
        .put("warmup_runs", options.integer("warmup-runs", 500))
        .put("runs_created", created.created())
        .put("executions", done.count())
        .put("succeeded", done.succeeded())
        .put("failed", done.failed())
        .put("missing", Math.max(0, created.created() - done.count()))
        .put("all_seen", all)
        .put("stream_stalled", done.stalled())
        .put("found_in_event_log", done.fromEventLog())
        .decimal("wall_s", wall)
        .decimal("executions_per_min", done.succeeded() / wall * 60)
        .decimal("executions_per_s", done.succeeded() / wall)
        .decimal("send_s", sending)
        .decimal("create_runs_per_s", created.created() / sending)
        .decimal("completed_while_sending_per_min", completedWhileSending / sending * 60)
        .decimal("drain_after_send_s", Math.max(0, (last - sent) / 1e9))
        .decimal("create_p50_ms", createLatency.percentileMillis(50))
        .decimal("create_p99_ms", createLatency.percentileMillis(99))
        .put("create_errors", created.errors())
        .token("stream_problem", rows.problem());
    times.report(
        results,
        done,
        fixture.client(),
        ExecRunsScenario::rootOf,
        sent,
        options.integer("stored-sample", 200));
    results.print();
  }
}
