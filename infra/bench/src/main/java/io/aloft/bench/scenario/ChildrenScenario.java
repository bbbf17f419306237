package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.connect.ConnectError;
import io.aloft.bench.fixture.ActionEvents;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.fixture.ExecutionFixture;
import io.aloft.bench.stats.GcLog;
import io.aloft.bench.stats.HeapProbe;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.bench.stats.Window;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.RunIdentifier;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Execution throughput through one run, and fan-out. The run's root action is a {@code container}
 * task running {@code sleep 600}, so it stays RUNNING; once it is, {@code concurrency} concurrent
 * ActionsService/Enqueue calls add {@code children} noop child actions under it (stopping early
 * after {@code seconds}, when set). One RunService/WatchActions stream over the run, opened before
 * the first Enqueue, shows the children reaching a terminal phase. Wall time runs from the first
 * Enqueue to the last SUCCEEDED seen, capped at {@code timeout-seconds}. The run is aborted at the
 * end, which stops the sleeping root.
 *
 * <p>With {@code --manager-pid} and {@code --gc-log} (the manager started with {@code
 * -Xlog:gc:file=<path>}) it also reports the manager's memory over the fan-out: the peak heap in
 * use and the most that survived a collection, from the GC log; the peak resident set (VmHWM) from
 * /proc; and the live heap after a full GC once every child has finished.
 */
public final class ChildrenScenario {

  private final BenchOptions options;

  public ChildrenScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    String name = options.text("name", "exec-children");
    int concurrency = options.integer("concurrency", 64);
    RunIdentifier run = BenchFixture.run(options.text("run", "kids"));
    Duration timeout = Duration.ofSeconds(options.integer("timeout-seconds", 600));
    try (ConnectClient client = new ConnectClient(options.url(), concurrency + 8, 2)) {
      ExecutionFixture fixture = new ExecutionFixture(client);
      fixture.prepare();
      fixture.createRun(run.getName(), ExecutionFixture.SLEEP_TASK).block(Duration.ofMinutes(1));
      AtomicReference<ActionPhase> root =
          new AtomicReference<>(ActionPhase.ACTION_PHASE_UNSPECIFIED);
      Completions warm = new Completions(action -> action.startsWith("w"));
      Completions measured = new Completions(action -> action.startsWith("c"));
      try (RunRows rows =
          RunRows.actions(
              client,
              run,
              (action, phase) -> {
                if (action.equals(ActionEvents.ROOT_ACTION)) {
                  root.set(phase);
                }
                warm.observe(action, phase);
                measured.observe(action, phase);
              })) {
        long rootStart = System.nanoTime();
        awaitPhase(root, ActionPhase.ACTION_PHASE_RUNNING, Duration.ofMinutes(1));
        double rootRunningSeconds = (System.nanoTime() - rootStart) / 1e9;
        int warmChildren = options.integer("warmup-children", 0);
        if (warmChildren > 0) {
          AtomicInteger next = new AtomicInteger();
          int enqueued =
              enqueue(fixture, run, "w", next, warmChildren, concurrency, () -> true, null, null)
                  .enqueued();
          if (!warm.await(() -> enqueued, timeout, Duration.ofSeconds(10), name + " warm-up", rows)
              && warm.stalled()) {
            warm.fillFromEventLog(
                client,
                java.util.stream.IntStream.range(0, next.get()).mapToObj(i -> "w" + i).toList(),
                child -> ActionIdentifier.newBuilder().setRun(run).setName(child).build());
          }
        }
        System.out.printf(
            Locale.ROOT,
            "SETUP root %s RUNNING after %.1f s (%s); warm-up: %d children, %d complete%n",
            run.getName(),
            rootRunningSeconds,
            root.get(),
            warmChildren,
            warm.count());
        measure(name, fixture, run, concurrency, measured, rows, root, timeout);
      }
    }
  }

  private void measure(
      String name,
      ExecutionFixture fixture,
      RunIdentifier run,
      int concurrency,
      Completions done,
      RunRows rows,
      AtomicReference<ActionPhase> root,
      Duration timeout) {
    int children = options.integer("children", 10_000);
    int seconds = options.integer("seconds", 0);
    HeapProbe heap = new HeapProbe(options.pid("manager-pid"));
    GcLog gc = new GcLog(options.text("gc-log", ""));
    gc.mark();
    Latencies enqueueLatency = new Latencies();
    AtomicInteger next = new AtomicInteger();
    long wallStart = System.currentTimeMillis();
    long start = System.nanoTime();
    long sendEnd = seconds > 0 ? start + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
    long deadline = start + timeout.toNanos();
    BooleanSupplier more = () -> System.nanoTime() < Math.min(sendEnd, deadline);
    ExecutionTimes times = new ExecutionTimes();
    Enqueued enqueued =
        enqueue(fixture, run, "c", next, children, concurrency, more, enqueueLatency, times);
    long sent = System.nanoTime();
    boolean all =
        done.await(
            enqueued::enqueued,
            Duration.ofNanos(Math.max(0, deadline - sent)),
            Duration.ofSeconds(15),
            name,
            rows);
    if (!all && done.stalled()) {
      done.fillFromEventLog(
          fixture.client(),
          times.names(),
          child -> ActionIdentifier.newBuilder().setRun(run).setName(child).build());
      all = done.count() >= enqueued.enqueued();
    }
    long last = done.lastNanos() == 0 ? System.nanoTime() : done.lastNanos();
    double wall = (last - start) / 1e9;
    double sending = (sent - start) / 1e9;
    new Window(name, wallStart, wallStart + (last - start) / 1_000_000).print();
    GcLog.Summary memory = gc.since();
    // Occupancy peaks just before a collection, or now if none came since the last one.
    double usedAtEnd = heap.usedNowMib();
    double liveAfter = all ? heap.usedAfterGcMib() : -1;
    Results results =
        new Results(name)
            .put("children_target", children)
            .put("warmup_children", options.integer("warmup-children", 0))
            .put("concurrency", concurrency)
            .put("enqueued", enqueued.enqueued())
            .put("executions", done.count())
            .put("succeeded", done.succeeded())
            .put("failed", done.failed())
            .put("missing", Math.max(0, enqueued.enqueued() - done.count()))
            .put("all_seen", all)
            .put("stream_stalled", done.stalled())
            .put("found_in_event_log", done.fromEventLog())
            .decimal("wall_s", wall)
            .decimal("executions_per_min", done.succeeded() / wall * 60)
            .decimal("executions_per_s", done.succeeded() / wall)
            .decimal("enqueue_s", sending)
            .decimal("enqueue_per_s", enqueued.enqueued() / sending)
            .decimal("drain_after_enqueue_s", Math.max(0, (last - sent) / 1e9))
            .decimal("enqueue_p50_ms", enqueueLatency.percentileMillis(50))
            .decimal("enqueue_p99_ms", enqueueLatency.percentileMillis(99))
            .put("enqueue_errors", enqueued.errors())
            .token("stream_problem", rows.problem());
    if (gc.present()) {
      results
          .put("gc_pauses", memory.pauses())
          .put("gc_full_pauses", memory.fullPauses())
          .decimal("heap_peak_used_mib", Math.max(memory.maxBeforeMib(), usedAtEnd))
          .decimal("heap_max_after_gc_mib", memory.maxAfterMib())
          .decimal("heap_max_committed_mib", memory.maxCommittedMib())
          .decimal("gc_pause_total_ms", memory.pauseTotalMs())
          .decimal("gc_pause_max_ms", memory.pauseMaxMs());
    }
    results
        .decimal("heap_live_after_full_gc_mib", liveAfter)
        .decimal("rss_peak_mib", heap.procStatusMib("VmHWM"))
        .decimal("rss_now_mib", heap.procStatusMib("VmRSS"));
    times.report(
        results,
        done,
        fixture.client(),
        child -> ActionIdentifier.newBuilder().setRun(run).setName(child).build(),
        sent,
        options.integer("stored-sample", 200));
    long abortStart = System.nanoTime();
    String aborted;
    try {
      fixture.abortRun(run).block(Duration.ofMinutes(1));
      aborted =
          awaitPhase(root, ActionPhase.ACTION_PHASE_ABORTED, Duration.ofMinutes(2))
              ? String.format(Locale.ROOT, "%.1f", (System.nanoTime() - abortStart) / 1e9)
              : "timeout";
    } catch (RuntimeException e) {
      System.err.println("AbortRun failed: " + e);
      aborted = "failed";
    }
    results.put("root_aborted_after_s", aborted).print();
  }

  private record Enqueued(int enqueued, long errors) {}

  private static Enqueued enqueue(
      ExecutionFixture fixture,
      RunIdentifier run,
      String prefix,
      AtomicInteger next,
      int limit,
      int concurrency,
      BooleanSupplier more,
      Latencies latency,
      ExecutionTimes times) {
    AtomicInteger enqueued = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    // A refused Enqueue (4xx, e.g. the parent finished) will not succeed later: stop sending.
    java.util.concurrent.atomic.AtomicBoolean refused =
        new java.util.concurrent.atomic.AtomicBoolean();
    BooleanSupplier sending = () -> !refused.get() && more.getAsBoolean();
    Flux.range(0, concurrency)
        .flatMap(
            c ->
                Mono.defer(
                        () -> {
                          int index = sending.getAsBoolean() ? next.getAndIncrement() : limit;
                          if (index >= limit) {
                            return Mono.<Void>empty();
                          }
                          String child = prefix + index;
                          long t0 = System.nanoTime();
                          if (times != null) {
                            times.started(child, t0);
                          }
                          return fixture
                              .enqueueNoopChild(run, child)
                              .doOnNext(
                                  reply -> {
                                    if (latency != null) {
                                      latency.add(System.nanoTime() - t0);
                                    }
                                    enqueued.incrementAndGet();
                                  })
                              .then()
                              .onErrorResume(
                                  error -> {
                                    if (error instanceof ConnectError e
                                        && e.status() >= 400
                                        && e.status() < 500) {
                                      refused.set(true);
                                    }
                                    if (errors.incrementAndGet() <= 5) {
                                      System.err.println("Enqueue failed: " + error);
                                    }
                                    return Mono.empty();
                                  });
                        })
                    .repeat(() -> sending.getAsBoolean() && next.get() < limit),
            concurrency)
        .blockLast();
    return new Enqueued(enqueued.get(), errors.get());
  }

  private static boolean awaitPhase(
      AtomicReference<ActionPhase> phase, ActionPhase wanted, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (phase.get() != wanted) {
      if (System.nanoTime() > end) {
        System.err.println("waited " + timeout + " for " + wanted + ", still " + phase.get());
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
