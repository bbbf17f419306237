package io.aloft.bench.scenario;

import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.Methods;
import io.aloft.bench.stats.Latencies;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.run.v1.WatchActionsRequest;
import io.aloft.proto.run.v1.WatchActionsResponse;
import java.time.Duration;
import java.util.List;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

/** Opens one WatchActions stream per run and keeps them open until closed. */
final class WatchStreams implements AutoCloseable {

  final List<WatchedRun> runs;
  private final Disposable.Composite subscriptions = Disposables.composite();

  WatchStreams(ConnectClient client, List<RunIdentifier> runIds, Latencies latencies) {
    this.runs = runIds.stream().map(run -> new WatchedRun(run, latencies)).toList();
    for (WatchedRun watched : runs) {
      subscriptions.add(
          client.stream(
                  Methods.WATCH_ACTIONS,
                  WatchActionsRequest.newBuilder().setRunId(watched.run).build(),
                  WatchActionsResponse.parser())
              .subscribe(
                  watched::accept,
                  watched::fail,
                  () -> watched.fail(new IllegalStateException("stream ended"))));
    }
  }

  /** Waits until every stream has sent its snapshot row; returns how long that took. */
  Duration awaitSnapshots(Duration timeout) {
    long start = System.nanoTime();
    Flux.fromIterable(runs).flatMap(WatchedRun::firstRow, runs.size()).then().block(timeout);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  long failed() {
    return runs.stream().filter(run -> run.failure() != null).count();
  }

  @Override
  public void close() {
    subscriptions.dispose();
  }
}
