package io.aloft.adapters.kubernetes.bench;

import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.adapters.local.instant.NoopPlugin;
import io.aloft.adapters.protobuf.ProtoActionSpecReader;
import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ExecutionSettings;
import io.aloft.application.execution.TaskActionController;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * TaskActions reconciled per second by the real {@link TaskActionController} on the Kubernetes
 * store with the noop plugin, against the API stand-in; and, as the reference, the same store's
 * create plus one status patch per TaskAction with no controller (the least an action costs the API
 * server), so the ratio says what the controller costs.
 */
final class ReconcileThroughput {

  private ReconcileThroughput() {}

  /**
   * The reference: what the controller's one write per noop action costs on its own, a status patch
   * of an existing TaskAction, at the same concurrency, from the same client.
   */
  static void reference(int actions, int concurrency, int warmup) throws Exception {
    try (BenchKit kit = new BenchKit();
        KubernetesTaskActionStore store = kit.store()) {
      store.start().block(BenchKit.WAIT);
      patchAll(create(kit, store, "w", warmup, concurrency), store, concurrency);
    }
    // A fresh stand-in, as for the controller: the mock's cost per request grows with what it
    // holds.
    try (BenchKit kit = new BenchKit();
        KubernetesTaskActionStore store = kit.store()) {
      store.start().block(BenchKit.WAIT);
      List<TaskAction> created = create(kit, store, "r", actions, concurrency);
      long requests = kit.api.requestCount();
      long start = System.nanoTime();
      patchAll(created, store, concurrency);
      double seconds = (System.nanoTime() - start) / 1e9;
      long used = kit.api.requestCount() - requests;
      System.out.printf(
          "RESULT scenario=k8s-reference actions=%d concurrency=%d wall_s=%.2f"
              + " patches_per_s=%.0f requests_per_s=%.0f requests_per_action=%.2f%n",
          actions,
          concurrency,
          seconds,
          actions / seconds,
          used / seconds,
          (double) used / actions);
    }
  }

  private static void patchAll(
      List<TaskAction> actions, KubernetesTaskActionStore store, int concurrency) {
    Flux.fromIterable(actions)
        .flatMap(action -> store.updateStatus(running(action)), concurrency)
        .blockLast(BenchKit.WAIT);
  }

  private static TaskAction running(TaskAction action) {
    return action.withStatus(
        action.status().toBuilder()
            .phase(ActionPhase.RUNNING, ExecutionReason.EXECUTING, "running")
            .updatedAt(Instant.now())
            .build());
  }

  /**
   * A backlog of {@code actions} queued TaskActions, then a controller starts and reconciles them
   * all to SUCCEEDED (timed until the last SUCCEEDED event is reported and its status stored). A
   * first controller warms up on {@code warmup} actions, on a stand-in of its own, and stops first.
   */
  static void reconcile(int actions, int concurrency, int warmup) throws Exception {
    Succeeded succeeded = new Succeeded();
    try (BenchKit kit = new BenchKit();
        KubernetesTaskActionStore store = kit.store();
        TaskActionController warming = controller(kit, store, succeeded)) {
      store.start().block(BenchKit.WAIT);
      warming.start();
      succeeded.expect(warmup);
      create(kit, store, "w", warmup, concurrency);
      succeeded.await();
    }
    try (BenchKit kit = new BenchKit();
        KubernetesTaskActionStore store = kit.store()) {
      store.start().block(BenchKit.WAIT);
      create(kit, store, "c", actions, concurrency);
      succeeded.expect(actions);
      CountDownLatch stored = new CountDownLatch(actions);
      Set<ActionId> done = ConcurrentHashMap.newKeySet();
      Disposable watching =
          store
              .changes()
              .ofType(TaskActionChange.Written.class)
              .map(TaskActionChange.Written::current)
              .filter(a -> a.status().phase() == ActionPhase.SUCCEEDED)
              .filter(a -> done.add(a.spec().action()))
              .subscribe(a -> stored.countDown());
      long requests = kit.api.requestCount();
      long start = System.nanoTime();
      try (TaskActionController controller = controller(kit, store, succeeded)) {
        controller.start();
        succeeded.await();
        if (!stored.await(BenchKit.WAIT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException(stored.getCount() + " SUCCEEDED statuses not stored");
        }
        watching.dispose();
        double seconds = (System.nanoTime() - start) / 1e9;
        long used = kit.api.requestCount() - requests;
        System.out.printf(
            "RESULT scenario=k8s-reconcile actions=%d wall_s=%.2f reconciled_per_s=%.0f"
                + " requests_per_s=%.0f requests_per_action=%.2f%n",
            actions, seconds, actions / seconds, used / seconds, (double) used / actions);
      }
    }
  }

  private static List<TaskAction> create(
      BenchKit kit, KubernetesTaskActionStore store, String prefix, int count, int concurrency) {
    return Flux.range(0, count)
        .flatMap(i -> store.create(kit.spec(prefix, i, "noop")), concurrency)
        .collectList()
        .block(BenchKit.WAIT);
  }

  private static TaskActionController controller(
      BenchKit kit, KubernetesTaskActionStore store, Succeeded succeeded) {
    return new TaskActionController(
        store,
        new ProtoActionSpecReader(),
        new TaskPlugins(List.of(new NoopPlugin())),
        new RecordEventsUseCase(succeeded),
        kit.data,
        new ProtoLiteralCodec(),
        ExecutionSettings.defaults("http://localhost:1"),
        Clock.systemUTC(),
        Schedulers.parallel());
  }

  /** Where the event store would append: counts the SUCCEEDED events, nothing is stored. */
  private static final class Succeeded implements CommandPort {
    private final AtomicReference<CountDownLatch> pending =
        new AtomicReference<>(new CountDownLatch(0));

    void expect(int count) {
      pending.set(new CountDownLatch(count));
    }

    void await() throws InterruptedException {
      if (!pending.get().await(BenchKit.WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            pending.get().getCount() + " TaskActions did not succeed in " + BenchKit.WAIT);
      }
    }

    @Override
    public Mono<Void> sendAll(List<? extends ActionCommand> commands) {
      for (ActionCommand command : commands) {
        if (command instanceof RecordActionEvent event
            && event.key().phase() == ActionPhase.SUCCEEDED) {
          pending.get().countDown();
        }
      }
      return Mono.empty();
    }

    @Override
    public Mono<Void> send(ActionCommand command) {
      return sendAll(List.of(command));
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
