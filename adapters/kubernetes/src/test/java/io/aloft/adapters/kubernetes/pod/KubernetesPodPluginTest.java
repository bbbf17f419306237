package io.aloft.adapters.kubernetes.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.ResourceNames;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.task.v1.Resources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod the plugin creates from a template, bad templates, abort, and a pod deleted outside. */
class KubernetesPodPluginTest {

  @TempDir Path storage;
  private PodTestKit kit;
  private KubernetesPodPlugin plugin;

  @BeforeEach
  void start() throws Exception {
    kit = new PodTestKit(storage);
    plugin = kit.plugin(PodTestKit.settings(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  @Test
  void givenTemplate_whenHandled_thenPodIsBuiltFromIt() {
    ActionId id = ActionId.of("proj", "development", "r1", "a0");
    PluginContext context = kit.context(id, PodTestKit.template().build(), 2);

    PluginReport report = plugin.handle(context).block(PodTestKit.WAIT);

    assertThat(report.phase()).isEqualTo(PluginPhase.INITIALIZING);
    assertThat(report.logs().getFirst().uri()).isEqualTo("k8s://aloft/r1-a0-1/task");
    Pod pod = kit.pod("r1-a0-1");
    assertThat(pod.getMetadata().getOwnerReferences().getFirst().getName()).isEqualTo("r1-a0");
    assertThat(pod.getMetadata().getOwnerReferences().getFirst().getKind()).isEqualTo("TaskAction");
    assertThat(pod.getMetadata().getOwnerReferences().getFirst().getUid()).isNotBlank();
    assertThat(pod.getMetadata().getLabels())
        .containsEntry(ResourceNames.RUN, "r1")
        .containsEntry(ResourceNames.ACTION, "a0")
        .containsEntry("aloft.io/attempt", "2")
        .containsEntry("aloft.io/interruptible", "true");
    assertThat(pod.getMetadata().getLabels().get("team")).hasSize(63);
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("acme.io/owner", "ml-team");
    Container task = pod.getSpec().getContainers().getFirst();
    assertThat(task.getImage()).isEqualTo(PodTestKit.IMAGE);
    assertThat(task.getCommand()).containsExactly("python");
    assertThat(task.getArgs()).containsExactly("train.py", "--epochs=3");
    Map<String, String> env =
        task.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(env)
        .containsEntry("ACTION_NAME", "a0")
        .containsEntry("RUN_NAME", "r1")
        .containsEntry("MODE", "fast")
        .containsEntry("ALOFT_INPUT_DIR", "/var/aloft/inputs")
        .containsEntry("ALOFT_OUTPUT_PREFIX", context.outputPrefix());
    assertThat(task.getResources().getRequests())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(task.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getSpec().getTolerations().getFirst().getKey())
        .isEqualTo("aloft.io/interruptible");
    Container download = pod.getSpec().getInitContainers().get(0);
    Container upload = pod.getSpec().getInitContainers().get(1);
    assertThat(download.getImage()).isEqualTo(PodTestKit.COPILOT);
    assertThat(download.getArgs())
        .containsSequence("download", "--from-remote", context.inputsFile());
    assertThat(upload.getRestartPolicy()).isEqualTo("Always");
    assertThat(upload.getArgs())
        .containsSequence("upload-on-exit", "--from-local-dir", "/var/aloft/outputs")
        .contains("--output-interface");
  }

  @Test
  void givenPodExists_whenFirstCallRepeated_thenItIsAdopted() {
    PluginContext context =
        kit.context(
            ActionId.of("proj", "development", "r2", "a0"), PodTestKit.template().build(), 1);
    plugin.handle(context).block(PodTestKit.WAIT);

    PluginReport again = plugin.handle(context).block(PodTestKit.WAIT);

    assertThat(again.phase()).isEqualTo(PluginPhase.INITIALIZING);
  }

  @Test
  void givenRequestOverMaximum_whenHandled_thenPermanentFailureAndNoPod() {
    var template = PodTestKit.template();
    template
        .getContainerBuilder()
        .getResourcesBuilder()
        .addRequests(PodTestKit.entry(Resources.ResourceName.RESOURCE_NAME_MEMORY, "512Gi"));
    PluginContext context =
        kit.context(ActionId.of("proj", "development", "r3", "a0"), template.build(), 1);

    PluginReport report = plugin.handle(context).block(PodTestKit.WAIT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().code()).isEqualTo("ResourceLimitExceeded");
    assertThat(report.error().message()).contains("512Gi", "memory", "64Gi");
    assertThat(kit.pod("r3-a0-0")).isNull();
  }

  @Test
  void givenInvalidImage_whenHandled_thenPermanentFailureNamingItAndNoPod() {
    var template = PodTestKit.template();
    template.getContainerBuilder().setImage("Not An Image!");
    PluginContext context =
        kit.context(ActionId.of("proj", "development", "r4", "a0"), template.build(), 1);

    PluginReport report = plugin.handle(context).block(PodTestKit.WAIT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().code()).isEqualTo("BadTaskSpecification");
    assertThat(report.error().message()).contains("'Not An Image!'");
    assertThat(kit.pod("r4-a0-0")).isNull();
  }

  @Test
  void givenEmptyExecutable_whenHandled_thenPermanentFailureAndNoPod() {
    var template = PodTestKit.template();
    template.getContainerBuilder().clearCommand().addCommand(" ").addCommand("train.py");
    PluginContext context =
        kit.context(ActionId.of("proj", "development", "r4b", "a0"), template.build(), 1);

    PluginReport report = plugin.handle(context).block(PodTestKit.WAIT);

    assertThat(report.phase()).isEqualTo(PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().code()).isEqualTo("BadTaskSpecification");
    assertThat(report.error().message()).contains("command[0]");
    assertThat(kit.pod("r4b-a0-0")).isNull();
  }

  @Test
  void givenNoCommand_whenHandled_thenThePodRunsTheImagesEntrypoint() {
    var template = PodTestKit.template();
    template.getContainerBuilder().clearCommand();
    PluginContext context =
        kit.context(ActionId.of("proj", "development", "r4c", "a0"), template.build(), 1);

    plugin.handle(context).block(PodTestKit.WAIT);

    var task = kit.pod("r4c-a0-0").getSpec().getContainers().getFirst();
    assertThat(task.getCommand()).isEmpty();
    assertThat(task.getArgs()).containsExactly("train.py", "--epochs=3");
  }

  @Test
  void givenQuantityNotKubernetes_whenHandled_thenPermanentFailure() {
    var template = PodTestKit.template();
    template
        .getContainerBuilder()
        .getResourcesBuilder()
        .addLimits(PodTestKit.entry(Resources.ResourceName.RESOURCE_NAME_CPU, "lots"));
    PluginContext context =
        kit.context(ActionId.of("proj", "development", "r5", "a0"), template.build(), 1);

    PluginReport report = plugin.handle(context).block(PodTestKit.WAIT);

    assertThat(report.error().code()).isEqualTo("BadTaskSpecification");
    assertThat(report.error().message()).contains("'lots'");
  }

  @Test
  void givenNameTooLongForPod_whenHandled_thenPodNameIsValid() {
    PluginContext context =
        kit.context(
            ActionId.of("proj", "development", "r6", "train-step-" + "x".repeat(52)),
            PodTestKit.template().build(),
            1);

    plugin.handle(context).block(PodTestKit.WAIT);

    String name = PodNames.pod(context);
    assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
    assertThat(kit.pod(name)).isNotNull();
  }

  @Test
  void givenRunningPod_whenAborted_thenPodIsDeleted() {
    PluginContext context =
        kit.context(
            ActionId.of("proj", "development", "r7", "a0"), PodTestKit.template().build(), 1);
    plugin.handle(context).block(PodTestKit.WAIT);

    plugin.abort(context, "user requested").block(PodTestKit.WAIT);

    assertThat(kit.pod("r7-a0-0")).isNull();
    plugin.abort(context, "again").block(PodTestKit.WAIT); // idempotent
  }

  @Test
  void givenPodDeletedOutside_whenHandled_thenRetryableSystemFailure() {
    PluginContext first =
        kit.context(
            ActionId.of("proj", "development", "r8", "a0"), PodTestKit.template().build(), 1);
    PluginReport created = plugin.handle(first).block(PodTestKit.WAIT);
    kit.kubelet.pods().inNamespace(PodTestKit.NAMESPACE).withName("r8-a0-0").delete();

    PluginReport report =
        plugin.handle(kit.context(first.spec(), 1, 0, created.state())).block(PodTestKit.WAIT);

    assertThat(report.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(report.error().kind()).isEqualTo(ErrorKind.SYSTEM);
  }
}
