package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.fixture.ExecutionFixture;
import io.aloft.bench.fixture.Methods;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.bench.stats.Window;
import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.run.v1.ActionEventRecord;
import io.aloft.proto.run.v1.ListActionEventsRequest;
import io.aloft.proto.run.v1.ListActionEventsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Start latency: {@code runs} runs of the deployed {@code noop} task, one after another. A
 * RunService/WatchRuns stream over the project is open before the first CreateRun (a run's own
 * streams cannot be: they need the run to exist). For each run the clock starts just before its
 * CreateRun call and stops at its first row on the stream in RUNNING or a terminal phase: the noop
 * plugin goes QUEUED → SUCCEEDED in one pass, so that row is the first sign of the executor.
 * Afterwards ListActionEvents gives, per run, when the first executor event (RUNNING or terminal)
 * was stored, measured against the same start on the same clock; that leaves out the way back
 * through the projection and the stream. It also gives the steps on the way: when ActionCreated was
 * stored (inputs written, command committed), when CreateRun answered (the projection showed the
 * run and its TaskAction was stored), and when the executor produced its event. {@code warmup-runs}
 * go first, untimed.
 */
public final class StartLatencyScenario {

  private static final Duration PER_RUN_TIMEOUT = Duration.ofSeconds(30);

  private record Seen(long nanos, ActionPhase phase) {}

  private record Started(String name, Instant wallStart) {}

  private final BenchOptions options;
  private final ConcurrentHashMap<String, Sinks.One<Seen>> pending = new ConcurrentHashMap<>();

  public StartLatencyScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    int runs = options.integer("runs", 500);
    int warmRuns = options.integer("warmup-runs", 50);
    String prefix = options.text("prefix", "l");
    try (ConnectClient client = new ConnectClient(options.url(), 8, 2)) {
      ExecutionFixture fixture = new ExecutionFixture(client);
      fixture.prepare();
      try (RunRows rows = RunRows.runs(client, this::onRow)) {
        Latencies observed = new Latencies();
        Latencies createCall = new Latencies();
        AtomicInteger firstRunning = new AtomicInteger();
        AtomicInteger firstTerminal = new AtomicInteger();
        int timeouts = 0;
        List<Started> started = new ArrayList<>(runs);
        long wallStart = 0;
        for (int i = 0; i < warmRuns + runs; i++) {
          boolean measuring = i >= warmRuns;
          if (i == warmRuns) {
            System.out.printf(
                Locale.ROOT, "SETUP warm-up: %d sequential noop runs, %d timed out%n", i, timeouts);
            wallStart = System.currentTimeMillis();
            timeouts = 0;
          }
          String name = measuring ? prefix + "m" + (i - warmRuns) : prefix + "w" + i;
          Sinks.One<Seen> seen = Sinks.one();
          pending.put(name, seen);
          Instant wall = Instant.now();
          long t0 = System.nanoTime();
          String stage = "CreateRun";
          try {
            fixture.createRun(name, ExecutionFixture.NOOP_TASK).block(PER_RUN_TIMEOUT);
            long created = System.nanoTime();
            stage = "its first executor row on WatchRuns";
            Seen first = seen.asMono().block(PER_RUN_TIMEOUT);
            if (measuring) {
              observed.add(first.nanos() - t0);
              createCall.add(created - t0);
              started.add(new Started(name, wall));
              (first.phase() == ActionPhase.ACTION_PHASE_RUNNING ? firstRunning : firstTerminal)
                  .incrementAndGet();
            }
          } catch (RuntimeException e) {
            pending.remove(name);
            if (++timeouts <= 5) {
              System.err.printf(
                  "run %s: no %s within %s (%s); its stored events: %s%n",
                  name, stage, PER_RUN_TIMEOUT, e, storedEvents(client, name));
            }
          }
        }
        new Window("exec-latency", wallStart, System.currentTimeMillis()).print();
        Latencies created = new Latencies();
        Latencies recorded = new Latencies();
        Latencies reported = new Latencies();
        readEventTimes(client, started, created, recorded, reported);
        new Results("exec-latency")
            .put("runs", started.size())
            .put("warmup_runs", warmRuns)
            .put("executions", started.size())
            .put("timeouts", timeouts)
            .decimal("observed_p50_ms", observed.percentileMillis(50))
            .decimal("observed_p90_ms", observed.percentileMillis(90))
            .decimal("observed_p99_ms", observed.percentileMillis(99))
            .decimal("observed_max_ms", observed.percentileMillis(100))
            .decimal("recorded_p50_ms", recorded.percentileMillis(50))
            .decimal("recorded_p99_ms", recorded.percentileMillis(99))
            .put("recorded_runs", recorded.count())
            .decimal("reported_p50_ms", reported.percentileMillis(50))
            .decimal("reported_p99_ms", reported.percentileMillis(99))
            .decimal("action_created_p50_ms", created.percentileMillis(50))
            .decimal("action_created_p99_ms", created.percentileMillis(99))
            .decimal("create_call_p50_ms", createCall.percentileMillis(50))
            .decimal("create_call_p99_ms", createCall.percentileMillis(99))
            .put("first_row_running", firstRunning.get())
            .put("first_row_terminal", firstTerminal.get())
            .token("stream_problem", rows.problem())
            .print();
      }
    }
  }

  /** The run's stored events in short, to tell a slow executor from a missed stream update. */
  private static String storedEvents(ConnectClient client, String run) {
    try {
      return client
          .call(
              Methods.LIST_ACTION_EVENTS,
              ListActionEventsRequest.newBuilder()
                  .setRunId(BenchFixture.run(run))
                  .setLimit(200)
                  .build(),
              ListActionEventsResponse.parser())
          .map(
              reply ->
                  reply.getEventsList().stream()
                      .map(
                          r ->
                              r.getType()
                                  + "/"
                                  + r.getPhase()
                                  + "@"
                                  + r.getTimestamp().getSeconds()
                                  + "."
                                  + String.format(Locale.ROOT, "%09d", r.getTimestamp().getNanos()))
                      .toList()
                      .toString())
          .block(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      return "unreadable: " + e;
    }
  }

  private void onRow(String name, ActionPhase phase) {
    if (phase == ActionPhase.ACTION_PHASE_RUNNING || Completions.isTerminal(phase)) {
      Sinks.One<Seen> seen = pending.remove(name);
      if (seen != null) {
        seen.tryEmitValue(new Seen(System.nanoTime(), phase));
      }
    }
  }

  /**
   * Per run, the first stored executor event in RUNNING or a terminal phase: its record time
   * (stored) and its reported time (when the executor produced it), each minus the run's start.
   */
  private static void readEventTimes(
      ConnectClient client,
      List<Started> started,
      Latencies created,
      Latencies recorded,
      Latencies reported) {
    Flux.fromIterable(started)
        .flatMap(
            run ->
                client
                    .call(
                        Methods.LIST_ACTION_EVENTS,
                        ListActionEventsRequest.newBuilder()
                            .setRunId(BenchFixture.run(run.name()))
                            .setLimit(200)
                            .build(),
                        ListActionEventsResponse.parser())
                    .doOnNext(
                        reply -> {
                          for (ActionEventRecord record : reply.getEventsList()) {
                            if (record.getType().equals("ActionCreated")) {
                              created.add(nanosSince(run.wallStart(), record.getTimestamp()));
                            }
                            if (!record.hasEvent() || !starts(record.getEvent().getPhase())) {
                              continue;
                            }
                            recorded.add(nanosSince(run.wallStart(), record.getTimestamp()));
                            if (record.getEvent().hasReportedTime()) {
                              reported.add(
                                  nanosSince(run.wallStart(), record.getEvent().getReportedTime()));
                            }
                            return;
                          }
                        })
                    .onErrorResume(
                        error -> {
                          System.err.println("ListActionEvents failed: " + error);
                          return Mono.empty();
                        }),
            4)
        .blockLast();
  }

  private static boolean starts(ActionPhase phase) {
    return phase == ActionPhase.ACTION_PHASE_RUNNING || Completions.isTerminal(phase);
  }

  private static long nanosSince(Instant start, com.google.protobuf.Timestamp at) {
    return Duration.between(start, Instant.ofEpochSecond(at.getSeconds(), at.getNanos())).toNanos();
  }
}
