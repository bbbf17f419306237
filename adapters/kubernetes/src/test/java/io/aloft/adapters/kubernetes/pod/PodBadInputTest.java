package io.aloft.adapters.kubernetes.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ExecutionSettings;
import io.aloft.application.execution.TaskActionController;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import io.aloft.proto.task.v1.Container;
import io.aloft.proto.task.v1.Resources;
import io.aloft.proto.task.v1.TaskTemplate;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bad input in a container task, through the real controller and the pod plugin on the Kubernetes
 * store: each is a clear terminal failure before any pod (or a pod with what was sanitised), never
 * a crash loop, and the controller keeps running the other actions.
 */
class PodBadInputTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path storage;
  private PodTestKit kit;
  private TaskActionController controller;
  private final List<RecordActionEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    kit = new PodTestKit(storage);
    kit.store.start().block(WAIT);
    PodSettings defaults = PodTestKit.settings();
    PodSettings fast =
        new PodSettings(
            PodTestKit.NAMESPACE,
            PodTestKit.COPILOT,
            Map.of(),
            null,
            defaults.maxRequests(),
            Map.of(),
            List.of(),
            Duration.ofMinutes(3),
            Duration.ofMinutes(10),
            Duration.ofMillis(100));
    controller =
        new TaskActionController(
            kit.store,
            kit.specs,
            new TaskPlugins(List.of(kit.plugin(fast, Clock.systemUTC()))),
            new RecordEventsUseCase(new Recording()),
            kit.data,
            new ProtoLiteralCodec(),
            ExecutionSettings.defaults("http://aloft.aloft.svc:8090"),
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
  void givenBadTemplates_WhenRun_ThenEachFailsForGoodWithoutAPodAndTheOthersStillRun() {
    Map<String, RecordActionEvent> failures =
        Map.of(
            "image",
            failure("bad-image", c -> c.setImage("GHCR.io/Acme/Train:latest!!")),
            "command",
            failure("empty-cmd", c -> c.clearCommand().addCommand("").clearArgs()),
            "resources",
            failure(
                "too-big",
                c ->
                    c.setResources(
                        Resources.newBuilder()
                            .addRequests(
                                PodTestKit.entry(
                                    Resources.ResourceName.RESOURCE_NAME_CPU, "64")))));

    assertThat(failures.get("image").error().code()).isEqualTo("BadTaskSpecification");
    assertThat(failures.get("image").error().message()).contains("GHCR.io/Acme/Train:latest!!");
    assertThat(failures.get("command").error().code()).isEqualTo("BadTaskSpecification");
    assertThat(failures.get("command").error().message()).contains("command");
    assertThat(failures.get("resources").error().code()).isEqualTo("ResourceLimitExceeded");
    assertThat(failures.get("resources").error().message())
        .contains("cpu")
        .contains("64")
        .contains("16");
    assertThat(kit.kubelet.pods().inNamespace(PodTestKit.NAMESPACE).list().getItems())
        .as("no pod for a bad template")
        .isEmpty();

    ActionId good = ActionId.of("proj", "development", "fine", "a0");
    kit.context(good, PodTestKit.template().build(), 1);
    await().atMost(WAIT).until(() -> kit.pod("fine-a0-0") != null);
    await().atMost(WAIT).until(() -> phases(good).contains(ActionPhase.INITIALIZING));
    for (RecordActionEvent failed : failures.values()) {
      assertThat(phases(failed.actionId()))
          .as("one failure, no retries: " + failed.actionId())
          .containsExactly(ActionPhase.FAILED);
    }
  }

  @Test
  void givenLabelValuesOver63Characters_WhenRun_ThenThePodIsCreatedWithSanitisedLabels() {
    ActionId id = ActionId.of("proj", "development", "labels", "a0");
    TaskTemplate.Builder template = PodTestKit.template();
    template
        .getMetadataBuilder()
        .getMetadataBuilder()
        .putLabels("note", "Not a label value! " + "y".repeat(70) + " (with spaces)");
    kit.context(id, template.build(), 1);

    await().atMost(WAIT).until(() -> kit.pod("labels-a0-0") != null);
    Map<String, String> labels = kit.pod("labels-a0-0").getMetadata().getLabels();
    assertThat(labels.get("team")).hasSizeLessThanOrEqualTo(63).startsWith("xxxx");
    assertThat(labels.get("note")).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE);
    await().atMost(WAIT).until(() -> phases(id).contains(ActionPhase.INITIALIZING));
  }

  @Test
  void givenNamesTooLongForDns1123_WhenRun_ThenTheTaskActionAndPodGetValidNames() {
    ActionId id =
        ActionId.of(
            "proj", "development", "r" + "0123456789".repeat(2) + "abcdefghi", "n".repeat(63));
    kit.context(id, PodTestKit.template().build(), 1);

    TaskAction stored = kit.store.get(id).block(WAIT);
    assertThat(stored).isNotNull();
    await()
        .atMost(WAIT)
        .until(
            () -> kit.kubelet.pods().inNamespace(PodTestKit.NAMESPACE).list().getItems(),
            p -> !p.isEmpty());
    Pod pod = kit.kubelet.pods().inNamespace(PodTestKit.NAMESPACE).list().getItems().getFirst();
    assertThat(pod.getMetadata().getName())
        .hasSizeLessThanOrEqualTo(63)
        .matches(DNS_LABEL)
        .endsWith("-0");
    await().atMost(WAIT).until(() -> phases(id).contains(ActionPhase.INITIALIZING));
  }

  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String LABEL_VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";

  /** Runs a template changed by {@code change} and returns its terminal event. */
  private RecordActionEvent failure(String run, UnaryOperator<Container.Builder> change) {
    ActionId id = ActionId.of("proj", "development", run, "a0");
    TaskTemplate.Builder template = PodTestKit.template();
    change.apply(template.getContainerBuilder());
    kit.context(id, template.build(), 1);
    return await()
        .atMost(WAIT)
        .until(
            () ->
                events.stream()
                    .filter(e -> e.actionId().equals(id) && e.key().phase().isTerminal())
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  private List<ActionPhase> phases(ActionId id) {
    return events.stream()
        .filter(e -> e.actionId().equals(id))
        .map(event -> event.key().phase())
        .toList();
  }

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
