package io.aloft.adapters.kubernetes.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.adapters.kubernetes.leader.LeaderElection;
import io.aloft.adapters.kubernetes.leader.LeaderElectionSettings;
import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ExecutionSettings;
import io.aloft.application.execution.TaskActionController;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.support.Bytes;
import io.aloft.domain.task.TaskCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two managers on one API server: each its own Kubernetes store (and watch), its own election on
 * the one Lease, its own controller and plugin. Only the leader's plugin is ever called; when the
 * leader gives the Lease up, its pass in flight is cancelled and the other takes over the running
 * TaskActions from its listing.
 */
class LeaderControllersTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path storage;
  private PodTestKit kit;
  private Replica a;
  private Replica b;

  /** One manager: its store, election, controller, and the calls its plugin got. */
  private final class Replica implements AutoCloseable {
    final KubernetesTaskActionStore store;
    final LeaderElection election;
    final TaskActionController controller;
    final List<ActionId> calls = new CopyOnWriteArrayList<>();

    Replica(String name, KubernetesTaskActionStore store) {
      this.store = store;
      store.start().block(WAIT);
      this.election =
          new LeaderElection(
              kit.api.client(),
              LeaderElectionSettings.defaults(PodTestKit.NAMESPACE)
                  .withIdentity(name)
                  .withTimings(
                      Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(100)),
              Clock.systemUTC());
      this.controller =
          new TaskActionController(
              store,
              kit.specs,
              new TaskPlugins(List.of(new Recording(name, calls))),
              new RecordEventsUseCase(new NoEvents()),
              kit.data,
              new ProtoLiteralCodec(),
              ExecutionSettings.defaults("http://aloft.aloft.svc:8090"),
              Clock.systemUTC(),
              Schedulers.parallel(),
              election);
      controller.start();
    }

    @Override
    public void close() {
      controller.close();
      election.close();
      store.close();
    }
  }

  private final Set<ActionId> finished = ConcurrentHashMap.newKeySet();
  private static final ActionId STUCK = ActionId.of("proj", "development", "stuck", "a0");
  private final List<String> cancelled = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    kit = new PodTestKit(storage);
    a = new Replica("replica-a", kit.store);
    a.election.start(Schedulers.parallel());
    await().atMost(WAIT).until(a.election::isLeading);
    b =
        new Replica(
            "replica-b",
            new KubernetesTaskActionStore(
                kit.api.client(),
                KubernetesSettings.defaults(PodTestKit.NAMESPACE),
                Clock.systemUTC()));
    b.election.start(Schedulers.parallel());
  }

  @AfterEach
  void stop() {
    b.close();
    a.close();
    kit.close();
  }

  @Test
  void givenTwoManagers_whenTaskActionsRun_thenOnlyTheLeaderReconcilesUntilItLetsGo() {
    List<ActionId> ids =
        List.of(
            ActionId.of("proj", "development", "lead", "a0"),
            ActionId.of("proj", "development", "lead2", "a0"),
            ActionId.of("proj", "development", "lead3", "a0"));
    ids.forEach(id -> kit.context(id, PodTestKit.template().clearInterface().build(), 1));

    kit.context(STUCK, PodTestKit.template().clearInterface().build(), 1);
    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> count(a, id) >= 3));
    await().atMost(WAIT).until(() -> count(a, STUCK) == 1);
    assertThat(b.election.isLeading()).isFalse();
    assertThat(b.controller.isLeading()).isFalse();
    assertThat(b.calls).isEmpty();

    a.election.close();
    int callsOfA = a.calls.size();
    assertThat(a.controller.isLeading()).isFalse();
    assertThat(cancelled).as("its pass in flight is cancelled").containsExactly("replica-a");
    await().atMost(WAIT).until(b.controller::isLeading);
    await().atMost(WAIT).until(() -> count(b, STUCK) == 1);
    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> count(b, id) >= 2));
    finished.addAll(ids);
    await()
        .atMost(WAIT)
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            kit.store.get(id).block(WAIT).status().phase()
                                == ActionPhase.SUCCEEDED));

    assertThat(a.calls).hasSize(callsOfA);
  }

  private static long count(Replica replica, ActionId id) {
    return replica.calls.stream().filter(id::equals).count();
  }

  /** Records each call; keeps the attempt running until the test lets it finish. */
  private final class Recording implements TaskPlugin {
    private final List<ActionId> calls;

    private final String replica;

    Recording(String replica, List<ActionId> calls) {
      this.replica = replica;
      this.calls = calls;
    }

    @Override
    public Set<String> taskTypes() {
      return Set.of("container");
    }

    @Override
    public Mono<PluginReport> handle(PluginContext context) {
      ActionId id = context.spec().action();
      calls.add(id);
      if (id.equals(STUCK)) {
        return Mono.<PluginReport>never().doOnCancel(() -> cancelled.add(replica));
      }
      return Mono.just(
          finished.contains(id)
              ? PluginReport.succeeded(Bytes.EMPTY, List.of(), null)
              : PluginReport.running(Bytes.EMPTY, List.of(), Duration.ofMillis(50)));
    }

    @Override
    public Mono<Void> abort(PluginContext context, String reason) {
      return Mono.empty();
    }
  }

  private static final class NoEvents implements CommandPort {
    @Override
    public Mono<Void> sendAll(List<? extends ActionCommand> commands) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> send(ActionCommand command) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> send(ProjectCommand command) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> send(TaskCommand command) {
      return Mono.empty();
    }
  }
}
