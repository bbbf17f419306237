package io.aloft.adapters.kubernetes.pod;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.adapters.local.storage.FileDataStore;
import io.aloft.adapters.protobuf.ProtoActionSpecReader;
import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.core.v1.KeyValuePair;
import io.aloft.proto.core.v1.LiteralType;
import io.aloft.proto.core.v1.SimpleType;
import io.aloft.proto.core.v1.TypedInterface;
import io.aloft.proto.core.v1.Variable;
import io.aloft.proto.core.v1.VariableEntry;
import io.aloft.proto.core.v1.VariableMap;
import io.aloft.proto.task.v1.Container;
import io.aloft.proto.task.v1.K8sObjectMetadata;
import io.aloft.proto.task.v1.Resources;
import io.aloft.proto.task.v1.TaskMetadata;
import io.aloft.proto.task.v1.TaskSpec;
import io.aloft.proto.task.v1.TaskTemplate;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the pod plugin's tests share: the API server stand-in with a TaskAction to own the pods,
 * real stored formats (protobuf TaskSpecs) and real file storage for inputs and outputs.
 */
final class PodTestKit implements AutoCloseable {

  static final String NAMESPACE = "aloft";
  static final String IMAGE = "ghcr.io/acme/train:1.2";
  static final String COPILOT = "ghcr.io/aloft/aloft:test";
  static final Duration WAIT = Duration.ofSeconds(10);

  final KubeApiStandIn api;
  final KubernetesClient kubelet;
  final KubernetesTaskActionStore store;
  final ProtoActionSpecReader specs = new ProtoActionSpecReader();
  final FileDataStore data;
  final Path storage;
  private final List<KubernetesPodPlugin> plugins =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  PodTestKit(Path storage) throws Exception {
    this.storage = storage;
    this.api = new KubeApiStandIn();
    this.kubelet = api.fabric8();
    this.store =
        new KubernetesTaskActionStore(
            api.client(), KubernetesSettings.defaults(NAMESPACE), Clock.systemUTC());
    this.data = new FileDataStore(List.of(storage));
  }

  /** A plugin whose informer is not started: every read is a GET. Closed with the kit. */
  KubernetesPodPlugin plugin(PodSettings settings, Clock clock) {
    KubernetesPodPlugin plugin =
        new KubernetesPodPlugin(
            api.client(),
            KubernetesSettings.defaults(NAMESPACE).withRetry(1, Duration.ofMillis(10)),
            settings,
            specs,
            data,
            new ProtoLiteralCodec(),
            clock);
    plugins.add(plugin);
    return plugin;
  }

  /** A plugin with its pod informer running (holding the first listing, watching). */
  KubernetesPodPlugin watchingPlugin(PodSettings settings, Clock clock) {
    KubernetesPodPlugin plugin = plugin(settings, clock);
    plugin.start().block(WAIT);
    return plugin;
  }

  static PodSettings settings() {
    return PodSettings.defaults(NAMESPACE, COPILOT).withPullGrace(Duration.ofMinutes(3));
  }

  /** A container task template with resources, labels, annotations and one integer output. */
  static TaskTemplate.Builder template() {
    return TaskTemplate.newBuilder()
        .setType("container")
        .setInterface(
            TypedInterface.newBuilder()
                .setOutputs(
                    VariableMap.newBuilder()
                        .addVariables(
                            VariableEntry.newBuilder()
                                .setKey("o0")
                                .setValue(
                                    Variable.newBuilder()
                                        .setType(
                                            LiteralType.newBuilder()
                                                .setSimple(SimpleType.SIMPLE_TYPE_INTEGER))))))
        .setMetadata(
            TaskMetadata.newBuilder()
                .setInterruptible(true)
                .setMetadata(
                    K8sObjectMetadata.newBuilder()
                        .putLabels("team", "x".repeat(80))
                        .putAnnotations("acme.io/owner", "ml-team")))
        .setContainer(
            Container.newBuilder()
                .setImage(IMAGE)
                .addCommand("python")
                .addArgs("train.py")
                .addArgs("--epochs=3")
                .addEnv(KeyValuePair.newBuilder().setKey("MODE").setValue("fast"))
                .setResources(
                    Resources.newBuilder()
                        .addRequests(entry(Resources.ResourceName.RESOURCE_NAME_CPU, "500m"))
                        .addRequests(entry(Resources.ResourceName.RESOURCE_NAME_MEMORY, "1Gi"))
                        .addLimits(entry(Resources.ResourceName.RESOURCE_NAME_GPU, "1"))));
  }

  static Resources.ResourceEntry entry(Resources.ResourceName name, String value) {
    return Resources.ResourceEntry.newBuilder().setName(name).setValue(value).build();
  }

  /** Creates the TaskAction for {@code id} and a context for its attempt. */
  PluginContext context(ActionId id, TaskTemplate template, int attempt) {
    Bytes taskSpec =
        Bytes.of(TaskSpec.newBuilder().setTaskTemplate(template).build().toByteArray());
    TaskActionSpec spec =
        new TaskActionSpec(
            id,
            null,
            ActionType.TASK,
            storage.resolve("in").toUri().toString(),
            storage.resolve("out").toUri().toString(),
            "container",
            "train",
            taskSpec,
            null,
            null,
            Map.of(),
            Instant.parse("2026-11-21T10:00:00Z"));
    store.create(spec).block(WAIT);
    return context(spec, attempt, 0, Bytes.EMPTY);
  }

  PluginContext context(TaskActionSpec spec, int attempt, int systemFailures, Bytes state) {
    return context(spec, attempt, systemFailures, state, () -> {});
  }

  /** As above, with the controller's wake-up for the attempt. */
  PluginContext context(
      TaskActionSpec spec, int attempt, int systemFailures, Bytes state, Runnable wakeUp) {
    String out =
        storage
            .resolve("out")
            .resolve(spec.action().name())
            .resolve("" + attempt)
            .toUri()
            .toString();
    out = out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
    return new PluginContext(
        spec,
        specs.taskTemplate(spec.spec()),
        attempt,
        systemFailures,
        state,
        spec.inputUri() + "/inputs.pb",
        out,
        out + "/raw",
        Map.of("ACTION_NAME", spec.action().name(), "RUN_NAME", spec.action().run().name()),
        null,
        wakeUp);
  }

  Pod pod(String name) {
    return kubelet.pods().inNamespace(NAMESPACE).withName(name).get();
  }

  /** Plays the kubelet: replaces the pod's status. */
  void status(String name, UnaryOperator<PodStatus> change) {
    Pod pod = pod(name);
    PodStatus status = change.apply(pod.getStatus() == null ? new PodStatus() : pod.getStatus());
    pod.setStatus(status);
    kubelet.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
  }

  @Override
  public void close() {
    plugins.forEach(KubernetesPodPlugin::close);
    store.close();
    kubelet.close();
    api.close();
  }
}
