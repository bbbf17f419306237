package io.aloft.bench.scenario;

import io.aloft.bench.connect.ConnectClient;
import io.aloft.bench.fixture.ActionEvents;
import io.aloft.bench.fixture.Methods;
import io.aloft.bench.fixture.Transition;
import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.events.v1.ActionEvent;
import io.aloft.proto.events.v1.RecordResponse;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One executor-like client: owns a few runs and reports RUNNING updates for their root actions,
 * {@code batch} events per Record call, each with the next version so none is a duplicate (on the
 * attempt the harness took over, see BenchFixture). Calls are sequential per client, so the actions
 * of different clients never contend.
 */
final class AppendClient {

  private final ConnectClient client;
  private final List<RunIdentifier> runs;
  private final int[] versions;
  private int cursor;

  AppendClient(ConnectClient client, List<RunIdentifier> runs) {
    this.client = client;
    this.runs = runs;
    this.versions = new int[runs.size()];
  }

  /** One Record call; emits the number of events it recorded. */
  Mono<Integer> recordNext(int batch) {
    return Mono.defer(
        () -> {
          List<ActionEvent> events = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++) {
            int index = cursor++ % runs.size();
            events.add(
                ActionEvents.event(
                    runs.get(index),
                    Transition.CREATED.attempt(),
                    ActionPhase.ACTION_PHASE_RUNNING,
                    versions[index]++));
          }
          return client
              .call(Methods.RECORD, ActionEvents.request(events), RecordResponse.parser())
              .thenReturn(batch);
        });
  }
}
