package io.aloft.bench.scenario;

import io.aloft.bench.BenchOptions;
import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.connect.ConnectError;
import io.aloft.bench.fixture.BenchFixture;
import io.aloft.bench.fixture.ExecutionFixture;
import io.aloft.bench.stats.Latencies;
import io.aloft.bench.stats.Results;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.core.v1.TaskIdentifier;
import io.aloft.proto.dataproxy.v1.LogLine;
import io.aloft.proto.dataproxy.v1.LogLines;
import io.aloft.proto.dataproxy.v1.TailLogsRequest;
import io.aloft.proto.dataproxy.v1.TailLogsResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * DataProxyService/TailLogs. Throughput: a local task sleeps 2 s (time for the stream to open),
 * writes {@code bytes} of timestamped 100-byte lines as fast as {@code yes} can, then idles; the
 * stream follows it and the rate is the line text delivered per second from its first flood line to
 * the last, after an unmeasured flood of {@code warmup} MiB. First line: a task ticks a line every
 * 10 ms; {@code probes} streams are opened one after another and the time to each one's first batch
 * is recorded. Run the manager with a log budget above {@code bytes} ({@code
 * --aloft.execution.max-log-size}), or rotation drops lines before the stream reads them.
 */
public final class TailLogsScenario {

  private static final String TAIL_LOGS = "aloft.dataproxy.v1.DataProxyService/TailLogs";

  /** 100 bytes with its newline; the timestamp is split off by TailLogs. */
  private static final String LINE =
      "2026-01-01T00:00:00.123456789Z the quick brown fox jumps over the lazy dog, tailing logs 0123456";

  private final BenchOptions options;

  public TailLogsScenario(BenchOptions options) {
    this.options = options;
  }

  public void run() {
    long bytes = options.integer("bytes", 512) * 1024L * 1024L;
    long warmup = options.integer("warmup", 256) * 1024L * 1024L;
    int probes = options.integer("probes", 30);
    try (ConnectClient client = new ConnectClient(options.url(), 4, 4)) {
      ExecutionFixture fixture = new ExecutionFixture(client);
      fixture.prepare();
      String suffix = Long.toString(System.currentTimeMillis(), 36);
      if (warmup > 0) {
        // The same path once unmeasured: the server's and this driver's JIT compile it, and their
        // heaps grow to size, rather than during the measured flood.
        throughput(fixture, warmup, "tl-warmup-" + suffix);
      }
      System.out.println("SETUP taillogs: project and tasks ready, warmed up");
      long start = System.currentTimeMillis();
      throughput(fixture, bytes, "tl-flood-" + suffix).print();
      firstLine(fixture, probes, "tl-tick-" + suffix);
      new io.aloft.bench.stats.Window("taillogs", start, System.currentTimeMillis()).print();
    }
  }

  private Results throughput(ExecutionFixture fixture, long bytes, String runName) {
    TaskIdentifier task =
        fixture.deployShell(
            "bench.logflood" + (bytes >> 20),
            "sleep 2; yes '" + LINE + "' | head -c " + bytes + "; sleep 600");
    RunIdentifier run = BenchFixture.run(runName);
    fixture.createRun(runName, task).block(Duration.ofSeconds(60));
    AtomicLong received = new AtomicLong();
    AtomicLong lines = new AtomicLong();
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    long target = bytes * 9 / 10; // the rate is taken over most of the flood, not its tail
    boolean fullParse = "full".equals(options.text("decode", "wire"));
    fixture.client().stream(
            TAIL_LOGS,
            request(run),
            payload ->
                fullParse
                    ? fullCount(TailLogsResponse.parseFrom(payload))
                    : LogLinesWire.count(payload))
        .retryWhen(RETRY_UNTIL_LOGGED)
        .takeUntil(count -> received.get() >= target)
        .doOnNext(
            count -> {
              long now = System.nanoTime();
              received.addAndGet(count.bytes());
              lines.addAndGet(count.lines());
              first.compareAndSet(0, now);
              last.set(now);
            })
        .timeout(Duration.ofMinutes(5))
        .blockLast();
    fixture.abortRun(run).onErrorResume(e -> reactor.core.publisher.Mono.empty()).block();
    double seconds = Math.max(1e-9, (last.get() - first.get()) / 1e9);
    return new Results("taillogs-throughput")
        .put("bytes_written", bytes)
        .put("bytes_received", received.get())
        .put("lines", lines.get())
        .decimal("seconds", seconds)
        .decimal("mb_per_s", received.get() / 1e6 / seconds)
        .decimal("lines_per_s", lines.get() / seconds);
  }

  private void firstLine(ExecutionFixture fixture, int probes, String runName) {
    TaskIdentifier task =
        fixture.deployShell("bench.logtick", "while :; do echo \"tick $$\"; sleep 0.01; done");
    RunIdentifier run = BenchFixture.run(runName);
    fixture.createRun(runName, task).block(Duration.ofSeconds(60));
    tail(fixture.client(), run).next().block(Duration.ofSeconds(60)); // logs exist
    Latencies latencies = new Latencies();
    for (int i = 0; i < probes; i++) {
      long start = System.nanoTime();
      fixture.client().stream(TAIL_LOGS, request(run), TailLogsResponse.parser())
          .next()
          .block(Duration.ofSeconds(30));
      latencies.add(System.nanoTime() - start);
    }
    fixture.abortRun(run).onErrorResume(e -> reactor.core.publisher.Mono.empty()).block();
    new Results("taillogs-first-line")
        .put("probes", probes)
        .decimal("first_batch_p50_ms", latencies.percentileMillis(50))
        .decimal("first_batch_p99_ms", latencies.percentileMillis(99))
        .decimal("first_batch_max_ms", latencies.percentileMillis(100))
        .print();
  }

  /** What the full protobuf parse of a response counts: what {@link LogLinesWire} counts. */
  private static LogLinesWire.Count fullCount(TailLogsResponse response) {
    long lines = 0;
    long bytes = 0;
    for (LogLines batch : response.getLogsList()) {
      for (LogLine line : batch.getLinesList()) {
        bytes += line.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (line.hasTimestamp()) {
          bytes += LogLinesWire.TIMESTAMP_TEXT;
        }
        lines++;
      }
    }
    return new LogLinesWire.Count(lines, bytes);
  }

  private static final Retry RETRY_UNTIL_LOGGED =
      Retry.fixedDelay(300, Duration.ofMillis(100))
          .filter(e -> e instanceof ConnectError error && error.notFound());

  /** The run's root log batches; retried while the task has not reported its log yet. */
  private static Flux<LogLines> tail(ConnectClient client, RunIdentifier run) {
    return client.stream(TAIL_LOGS, request(run), TailLogsResponse.parser())
        .retryWhen(RETRY_UNTIL_LOGGED)
        .flatMapIterable(TailLogsResponse::getLogsList);
  }

  private static TailLogsRequest request(RunIdentifier run) {
    return TailLogsRequest.newBuilder()
        .setActionId(ActionIdentifier.newBuilder().setRun(run).setName("a0"))
        .build();
  }
}
