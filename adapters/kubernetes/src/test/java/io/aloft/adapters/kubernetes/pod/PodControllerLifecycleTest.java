package io.aloft.adapters.kubernetes.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ExecutionSettings;
import io.aloft.application.execution.TaskActionController;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.execution.AttemptPaths;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The real controller on the Kubernetes TaskAction store and the pod plugin, against the API server
 * stand-in, through one action's life: the test plays the kubelet (pod statuses) and the copilot
 * (outputs.pb). The ActionEvents the controller sends are recorded where the event store would
 * append them. The plugin's poll interval and the controller's resync are 10 minutes, so only the
 * pod informer's wake-ups can explain the progress seen within the test's waits.
 */
class PodControllerLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration LONG = Duration.ofMinutes(10);

  @TempDir Path storage;
  private PodTestKit kit;
  private TaskActionController controller;
  private KubernetesPodPlugin plugin;
  private final List<RecordActionEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    kit = new PodTestKit(storage);
    kit.store.start().block(WAIT);
    PodSettings slowPolls =
        new PodSettings(
            PodTestKit.NAMESPACE,
            PodTestKit.COPILOT,
            java.util.Map.of(),
            null,
            PodTestKit.settings().maxRequests(),
            java.util.Map.of(),
            List.of(),
            Duration.ofMinutes(3),
            Duration.ofMinutes(10),
            LONG);
    plugin = kit.watchingPlugin(slowPolls, Clock.systemUTC());
    ExecutionSettings defaults = ExecutionSettings.defaults("http://aloft.aloft.svc:8090");
    ExecutionSettings settings =
        new ExecutionSettings(
            defaults.workers(),
            defaults.namespace(),
            defaults.cluster(),
            defaults.endpoint(),
            LONG,
            defaults.backoffBase(),
            defaults.backoffMax(),
            defaults.eventBatchSize(),
            defaults.eventLinger(),
            defaults.pluginCallTimeout(),
            defaults.finishedTtl());
    controller =
        new TaskActionController(
            kit.store,
            kit.specs,
            new TaskPlugins(List.of(plugin)),
            new RecordEventsUseCase(new Recording()),
            kit.data,
            new ProtoLiteralCodec(),
            settings,
            Clock.systemUTC(),
            Schedulers.parallel());
    controller.start();
  }

  @AfterEach
  void stop() {
    controller.close();
    kit.close();
  }

  @Test
  void givenContainerAction_whenPodRunsAndSucceeds_thenActionSucceedsWithItsOutputs() {
    ActionId id = ActionId.of("proj", "development", "e2e", "a0");
    var context = kit.context(id, PodTestKit.template().build(), 1);
    String pod = "e2e-a0-0";

    await().atMost(WAIT).until(() -> kit.pod(pod) != null);
    assertThat(kit.pod(pod).getMetadata().getOwnerReferences()).hasSize(1);
    kit.status(pod, s -> taskState(s, "Running", running()));
    await().atMost(WAIT).until(() -> phases().contains(ActionPhase.RUNNING));

    String prefix =
        AttemptPaths.outputPrefix(
            context.spec().runOutputBase(), "aloft", context.spec().resourceName(), "a0", 1);
    kit.data
        .put(StorageUri.parse(AttemptPaths.outputsFile(prefix)), new byte[0], PutOptions.none())
        .block(WAIT);
    kit.status(pod, s -> taskState(s, "Succeeded", succeeded()));
    await().atMost(WAIT).until(() -> phases().contains(ActionPhase.SUCCEEDED));

    assertThat(phases())
        .containsSubsequence(ActionPhase.INITIALIZING, ActionPhase.RUNNING, ActionPhase.SUCCEEDED);
    RecordActionEvent done = events.getLast();
    assertThat(done.outputUri()).isEqualTo(AttemptPaths.outputsFile(prefix));
    assertThat(done.logs())
        .extracting(TaskLog::uri)
        .containsExactly("k8s://aloft/" + pod + "/task");
    TaskAction stored = kit.store.get(id).block(WAIT);
    assertThat(stored.status().phase()).isEqualTo(ActionPhase.SUCCEEDED);
    assertThat(plugin.wakeUpRegistrations()).isZero();
  }

  @Test
  void givenARunningPod_whenItIsDeletedOutsideAloft_thenTheAttemptRestartsInANewPodPromptly() {
    ActionId id = ActionId.of("proj", "development", "gone", "a0");
    kit.context(id, PodTestKit.template().build(), 1);
    await().atMost(WAIT).until(() -> kit.pod("gone-a0-0") != null);
    kit.status("gone-a0-0", s -> taskState(s, "Running", running()));
    await().atMost(WAIT).until(() -> phases().contains(ActionPhase.RUNNING));

    kit.kubelet.pods().inNamespace(PodTestKit.NAMESPACE).withName("gone-a0-0").delete();

    await().atMost(WAIT).until(() -> kit.pod("gone-a0-0-r1") != null);
    await().atMost(WAIT).until(() -> plugin.wakeUpRegistrations() == 1); // the new pod's only
  }

  private List<ActionPhase> phases() {
    return events.stream().map(event -> event.key().phase()).toList();
  }

  private static io.fabric8.kubernetes.api.model.PodStatus taskState(
      io.fabric8.kubernetes.api.model.PodStatus status,
      String phase,
      io.fabric8.kubernetes.api.model.ContainerState state) {
    status.setPhase(phase);
    status.setContainerStatuses(
        List.of(
            new ContainerStatusBuilder()
                .withName(PodNames.TASK)
                .withImage(PodTestKit.IMAGE)
                .withImageID("")
                .withReady(false)
                .withRestartCount(0)
                .withState(state)
                .build()));
    return status;
  }

  private static io.fabric8.kubernetes.api.model.ContainerState running() {
    return new ContainerStateBuilder().withNewRunning().endRunning().build();
  }

  private static io.fabric8.kubernetes.api.model.ContainerState succeeded() {
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(0)
        .withReason("Completed")
        .endTerminated()
        .build();
  }

  /** Where the event store would append: the events are kept for the assertions. */
  private final class Recording implements CommandPort {
    @Override
    public Mono<Void> sendAll(List<? extends ActionCommand> commands) {
      commands.stream()
          .filter(RecordActionEvent.class::isInstance)
          .map(RecordActionEvent.class::cast)
          .forEach(events::add);
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
