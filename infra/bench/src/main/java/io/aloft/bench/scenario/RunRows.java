package io.aloft.bench.scenario;

import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.ExecutionFixture;
import io.aloft.bench.fixture.Methods;
import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.run.v1.Run;
import io.aloft.proto.run.v1.WatchActionsRequest;
import io.aloft.proto.run.v1.WatchActionsResponse;
import io.aloft.proto.run.v1.WatchRunsRequest;
import io.aloft.proto.run.v1.WatchRunsResponse;
import java.util.function.BiConsumer;
import reactor.core.Disposable;

/**
 * One watch stream whose rows (a name and a phase) go to a consumer: either RunService/WatchRuns
 * over the bench project (each row a run, named by its run name) or RunService/WatchActions over
 * one run (each row an action of it, named by its action name).
 */
final class RunRows implements AutoCloseable {

  private final Disposable subscription;
  private volatile Throwable failure;
  private volatile boolean ended;

  private RunRows(
      reactor.core.publisher.Flux<? extends com.google.protobuf.Message> stream,
      BiConsumer<String, ActionPhase> rows) {
    this.subscription =
        stream.subscribe(
            message -> {
              if (message instanceof WatchRunsResponse runs) {
                for (Run run : runs.getRunsList()) {
                  rows.accept(
                      run.getAction().getId().getRun().getName(),
                      run.getAction().getStatus().getPhase());
                }
              } else if (message instanceof WatchActionsResponse actions) {
                for (var enriched : actions.getEnrichedActionsList()) {
                  rows.accept(
                      enriched.getAction().getId().getName(),
                      enriched.getAction().getStatus().getPhase());
                }
              }
            },
            error -> failure = error,
            () -> ended = true);
  }

  /** Every run of the bench project, as it changes. */
  static RunRows runs(ConnectClient client, BiConsumer<String, ActionPhase> rows) {
    return new RunRows(
        client.stream(
            Methods.WATCH_RUNS,
            WatchRunsRequest.newBuilder().setProjectId(ExecutionFixture.SCOPE).build(),
            WatchRunsResponse.parser()),
        rows);
  }

  /** Every action of one run, as it changes. */
  static RunRows actions(
      ConnectClient client, RunIdentifier run, BiConsumer<String, ActionPhase> rows) {
    return new RunRows(
        client.stream(
            Methods.WATCH_ACTIONS,
            WatchActionsRequest.newBuilder().setRunId(run).build(),
            WatchActionsResponse.parser()),
        rows);
  }

  /** Why the stream stopped early, or null while it is open. */
  String problem() {
    if (failure != null) {
      return failure.toString();
    }
    return ended ? "stream ended" : null;
  }

  @Override
  public void close() {
    subscription.dispose();
  }
}
