package io.aloft.adapters.kubernetes.pod;

import io.aloft.adapters.kubernetes.ResourceNames;
import io.aloft.adapters.kubernetes.TaskActionResources;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.execution.ContainerSpec;
import io.aloft.domain.execution.EnvVar;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod of one attempt: the task's container between the copilot's download (an init container)
 * and upload (a native sidecar, which the kubelet stops once the task has ended: its entrypoint
 * uploads then, within the pod's termination grace). Inputs and outputs pass through two emptyDir
 * volumes. The pod is owned by its TaskAction, so deleting the TaskAction deletes it.
 */
final class PodManifests {

  static final String INPUTS = "/var/aloft/inputs";
  static final String OUTPUTS = "/var/aloft/outputs";
  static final String INTERRUPTIBLE = ResourceNames.GROUP + "/interruptible";
  static final String ATTEMPT = ResourceNames.GROUP + "/attempt";

  /** The TaskAction resource that owns the pod. */
  record Owner(String name, String uid) {}

  private PodManifests() {}

  static V1Pod build(
      PluginContext context, Owner owner, PodSettings settings, String outputInterface) {
    ContainerSpec container = context.template().container();
    V1PodSpec spec =
        new V1PodSpec()
            .restartPolicy("Never")
            .terminationGracePeriodSeconds(settings.uploadGrace().toSeconds())
            .addInitContainersItem(Copilot.download(context, settings))
            .addInitContainersItem(Copilot.upload(context, settings, outputInterface))
            .addContainersItem(task(context, container))
            .volumes(List.of(emptyDir(Copilot.INPUTS_VOLUME), emptyDir(Copilot.OUTPUTS_VOLUME)));
    if (context.template().interruptible()) {
      spec.nodeSelector(
              settings.interruptibleNodeSelector().isEmpty()
                  ? null
                  : settings.interruptibleNodeSelector())
          .tolerations(
              settings.interruptibleTolerations().stream().map(Tolerations::parse).toList());
    }
    return new V1Pod()
        .apiVersion("v1")
        .kind("Pod")
        .metadata(metadata(context, owner, settings))
        .spec(spec);
  }

  private static V1ObjectMeta metadata(PluginContext context, Owner owner, PodSettings settings) {
    Map<String, String> labels = new LinkedHashMap<>();
    context.template().labels().forEach((k, v) -> labels.put(k, ResourceNames.labelValue(v)));
    labels.putAll(ResourceNames.labels(context.spec()));
    labels.put(ATTEMPT, Integer.toString(context.attempt()));
    if (context.template().interruptible()) {
      labels.put(INTERRUPTIBLE, "true");
    }
    Map<String, String> annotations = new LinkedHashMap<>(context.template().annotations());
    annotations.put(ResourceNames.GROUP + "/action-id", context.spec().action().key());
    return new V1ObjectMeta()
        .name(PodNames.pod(context))
        .namespace(settings.namespace())
        .labels(labels)
        .annotations(annotations)
        .addOwnerReferencesItem(
            new V1OwnerReference()
                .apiVersion(TaskActionResources.API_VERSION)
                .kind(TaskActionResources.KIND)
                .name(owner.name())
                .uid(owner.uid())
                .controller(true)
                .blockOwnerDeletion(true));
  }

  private static V1Container task(PluginContext context, ContainerSpec container) {
    return new V1Container()
        .name(PodNames.TASK)
        .image(container.image())
        .command(container.command().isEmpty() ? null : container.command())
        .args(container.args().isEmpty() ? null : container.args())
        .env(taskEnvironment(context, container))
        .resources(resources(container))
        .volumeMounts(
            List.of(
                mount(Copilot.INPUTS_VOLUME, INPUTS, true),
                mount(Copilot.OUTPUTS_VOLUME, OUTPUTS, false)));
  }

  /** As the local plugin: the context's, then the container's own, then the data locations. */
  private static List<V1EnvVar> taskEnvironment(PluginContext context, ContainerSpec container) {
    Map<String, String> env = new LinkedHashMap<>(context.environment());
    for (EnvVar var : container.env()) {
      env.put(var.name(), var.value());
    }
    env.put("ALOFT_INPUT_DIR", INPUTS);
    env.put("ALOFT_OUTPUT_DIR", OUTPUTS);
    env.put("ALOFT_RAW_OUTPUT_PREFIX", context.rawOutputPrefix());
    env.put("ALOFT_OUTPUT_PREFIX", context.outputPrefix());
    return env.entrySet().stream()
        .map(e -> new V1EnvVar().name(e.getKey()).value(e.getValue()))
        .toList();
  }

  private static V1ResourceRequirements resources(ContainerSpec container) {
    var requests = container.resources().requests();
    var limits = container.resources().limits();
    if (requests.isEmpty() && limits.isEmpty()) {
      return null;
    }
    return new V1ResourceRequirements()
        .requests(requests.isEmpty() ? null : quantities(requests))
        .limits(limits.isEmpty() ? null : quantities(limits));
  }

  /**
   * The domain's names as Kubernetes resource names ({@code gpu} is NVIDIA's, as the reference).
   */
  private static Map<String, Quantity> quantities(Map<String, String> byName) {
    Map<String, Quantity> result = new LinkedHashMap<>();
    byName.forEach(
        (name, value) ->
            result.put(name.equals("gpu") ? "nvidia.com/gpu" : name, Quantity.fromString(value)));
    return result;
  }

  static V1VolumeMount mount(String volume, String path, boolean readOnly) {
    return new V1VolumeMount().name(volume).mountPath(path).readOnly(readOnly);
  }

  private static V1Volume emptyDir(String name) {
    return new V1Volume().name(name).emptyDir(new V1EmptyDirVolumeSource());
  }
}
