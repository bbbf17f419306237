package io.aloft.adapters.kubernetes.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.id.ActionId;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pod statuses, set as the kubelet would on the stand-in, mapped to plugin phases. */
class PodPhaseMappingTest {

  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir Path storage;
  private PodTestKit kit;
  private KubernetesPodPlugin plugin;
  private PluginContext context;
  private String pod;

  @BeforeEach
  void start() throws Exception {
    kit = new PodTestKit(storage);
    plugin = kit.plugin(PodTestKit.settings(), Clock.systemUTC());
    context =
        kit.context(
            ActionId.of("proj", "development", "m" + RUNS.incrementAndGet(), "a0"),
            PodTestKit.template().build(),
            1);
    pod = PodNames.pod(context);
    plugin.handle(context).block(PodTestKit.WAIT);
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  @Test
  void givenUnschedulable_whenHandled_thenWaitingForResources() {
    kit.status(
        pod,
        s -> {
          s.setPhase("Pending");
          s.setConditions(
              List.of(
                  new PodConditionBuilder()
                      .withType("PodScheduled")
                      .withStatus("False")
                      .withReason("Unschedulable")
                      .build()));
          return s;
        });

    assertThat(handle().phase()).isEqualTo(PluginPhase.WAITING_FOR_RESOURCES);
  }

  @Test
  void givenPendingScheduled_whenHandled_thenInitializing() {
    kit.status(pod, s -> phase(s, "Pending"));

    assertThat(handle().phase()).isEqualTo(PluginPhase.INITIALIZING);
  }

  @Test
  void givenRunning_whenHandled_thenRunning() {
    kit.status(pod, s -> task(phase(s, "Running"), running()));

    PluginReport report = handle();

    assertThat(report.phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(report.recheckAfter()).isEqualTo(Duration.ofSeconds(30)); // the safety resync
  }

  @Test
  void givenOomKilled_whenHandled_thenRetryableUserFailure() {
    kit.status(pod, s -> task(phase(s, "Failed"), terminated(137, "OOMKilled")));

    assertFailure(true, ErrorKind.USER, "OOMKilled");
  }

  @Test
  void givenNonZeroExit_whenHandled_thenRetryableUserFailure() {
    kit.status(pod, s -> task(phase(s, "Failed"), terminated(3, "Error")));

    assertFailure(true, ErrorKind.USER, "NonZeroExit");
    assertThat(handle().error().message()).contains("code 3");
  }

  @Test
  void givenSigkillWithoutOom_whenHandled_thenRetryableSystemFailure() {
    kit.status(pod, s -> task(phase(s, "Failed"), terminated(137, "Error")));

    assertFailure(true, ErrorKind.SYSTEM, "Interrupted");
  }

  @Test
  void givenFailedForUnknownCause_whenHandled_thenRetryableSystemFailure() {
    kit.status(
        pod,
        s -> {
          s.setPhase("Failed");
          s.setReason("Evicted");
          return s;
        });

    assertFailure(true, ErrorKind.SYSTEM, "Interrupted");
    assertThat(handle().error().message()).contains("Evicted");
  }

  @Test
  void givenImagePullErrorPastGrace_whenHandled_thenPermanentFailureNamingImage() {
    plugin = kit.plugin(PodTestKit.settings().withPullGrace(Duration.ZERO), Clock.systemUTC());
    kit.status(pod, s -> task(phase(s, "Pending"), waiting("ImagePullBackOff")));

    assertFailure(false, ErrorKind.USER, "ImagePullFailed");
    assertThat(handle().error().message()).contains(PodTestKit.IMAGE);
  }

  @Test
  void givenImagePullErrorWithinGrace_whenHandled_thenStillInitializing() {
    kit.status(pod, s -> task(phase(s, "Pending"), waiting("ErrImagePull")));

    PluginReport report = handle();

    assertThat(report.phase()).isEqualTo(PluginPhase.INITIALIZING);
    assertThat(report.recheckAfter()).isEqualTo(Duration.ofSeconds(30)); // grace: 3 minutes
  }

  @Test
  void givenImagePullErrorWithGraceEndingBeforeTheResync_whenHandled_thenRecheckedWhenItEnds() {
    plugin =
        kit.plugin(PodTestKit.settings().withPullGrace(Duration.ofSeconds(10)), Clock.systemUTC());
    kit.status(pod, s -> task(phase(s, "Pending"), waiting("ErrImagePull")));

    PluginReport report = handle();

    // No pod event marks the grace's end, so the attempt asks to be looked at again just after it.
    assertThat(report.phase()).isEqualTo(PluginPhase.INITIALIZING);
    assertThat(report.recheckAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(10_100));
  }

  @Test
  void givenContainerConfigErrorPastGrace_whenHandled_thenPermanentFailure() {
    plugin = kit.plugin(PodTestKit.settings().withPullGrace(Duration.ZERO), Clock.systemUTC());
    kit.status(pod, s -> task(phase(s, "Pending"), waiting("CreateContainerConfigError")));

    assertFailure(false, ErrorKind.USER, "CreateContainerConfigError");
    assertThat(handle().error().message()).contains("secret \"x\" not found");
  }

  @Test
  void givenSucceededWithOutputs_whenHandled_thenSucceeded() {
    String outputs = context.outputPrefix() + "/outputs.pb";
    kit.data.put(StorageUri.parse(outputs), new byte[0], PutOptions.none()).block();
    kit.status(pod, s -> task(phase(s, "Succeeded"), terminated(0, "Completed")));

    PluginReport report = handle();

    assertThat(report.phase()).isEqualTo(PluginPhase.SUCCESS);
    assertThat(report.outputUri()).isEqualTo(outputs);
  }

  @Test
  void givenSucceededWithoutDeclaredOutputs_whenHandled_thenRetryableSystemFailure() {
    kit.status(pod, s -> task(phase(s, "Succeeded"), terminated(0, "Completed")));

    assertFailure(true, ErrorKind.SYSTEM, "OutputUploadFailed");
  }

  @Test
  void givenSucceededWithCopilotError_whenHandled_thenThatError() {
    byte[] error =
        new ProtoLiteralCodec()
            .encodeError(
                new ExecutionError(
                    "OutputsRejected", "o0 is not an integer", ErrorKind.USER, null, null));
    kit.data
        .put(StorageUri.parse(context.outputPrefix() + "/errors.pb"), error, PutOptions.none())
        .block();
    kit.status(pod, s -> task(phase(s, "Succeeded"), terminated(0, "Completed")));

    assertFailure(true, ErrorKind.USER, "OutputsRejected");
  }

  private PluginReport handle() {
    return plugin
        .handle(
            kit.context(
                context.spec(), 1, 0, context.state().isEmpty() ? state() : context.state()))
        .block(PodTestKit.WAIT);
  }

  private io.aloft.domain.support.Bytes state() {
    return io.aloft.domain.support.Bytes.of(pod.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void assertFailure(boolean retryable, ErrorKind kind, String code) {
    PluginReport report = handle();
    assertThat(report.phase())
        .isEqualTo(retryable ? PluginPhase.RETRYABLE_FAILURE : PluginPhase.PERMANENT_FAILURE);
    assertThat(report.error().kind()).isEqualTo(kind);
    assertThat(report.error().code()).isEqualTo(code);
  }

  private static PodStatus phase(PodStatus status, String phase) {
    status.setPhase(phase);
    return status;
  }

  private static PodStatus task(PodStatus status, ContainerState state) {
    ContainerStatus task =
        new ContainerStatusBuilder()
            .withName(PodNames.TASK)
            .withImage(PodTestKit.IMAGE)
            .withImageID("") // the kubelet always sets these three, and client-java requires them
            .withReady(false)
            .withRestartCount(0)
            .withState(state)
            .build();
    status.setContainerStatuses(List.of(task));
    return status;
  }

  private static ContainerState running() {
    return new ContainerStateBuilder().withNewRunning().endRunning().build();
  }

  private static ContainerState terminated(int code, String reason) {
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(code)
        .withReason(reason)
        .endTerminated()
        .build();
  }

  private static ContainerState waiting(String reason) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage("secret \"x\" not found")
        .endWaiting()
        .build();
  }
}
