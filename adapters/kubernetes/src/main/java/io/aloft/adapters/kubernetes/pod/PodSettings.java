package io.aloft.adapters.kubernetes.pod;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How task pods are built and judged.
 *
 * @param namespace where the pods run (the TaskActions' namespace, so they can own them)
 * @param copilotImage the Aloft image whose entrypoint runs {@code aloft copilot}
 *     (infra/k8s/copilot)
 * @param copilotEnvironment variables the copilot containers get (storage endpoint, region)
 * @param storageSecret nullable: a Secret holding {@code storage-access-key} and {@code
 *     storage-secret-key}, given to the copilot as the AWS credential variables
 * @param maxRequests the most a task may request (or limit) per resource name ({@code cpu}, {@code
 *     memory}, {@code gpu}, {@code ephemeral-storage}) as Kubernetes quantities; a template asking
 *     for more fails before any pod is created
 * @param interruptibleNodeSelector node labels an interruptible task's pod requires (spot nodes)
 * @param interruptibleTolerations taints an interruptible task's pod tolerates, each {@code
 *     key=value:Effect} or {@code key:Effect}
 * @param pullGrace how long an image pull or container configuration error may last before the
 *     attempt fails (the kubelet retries them; a registry hiccup heals, a typo does not)
 * @param uploadGrace the pod's termination grace: the outputs upload runs in it
 * @param pollInterval how often a pod is looked at while it is not finished, even without news: the
 *     pod informer wakes the controller on each change of the pod, so this is a safety resync (for
 *     a change the informer could not deliver, or a plugin not started), not the speed at which
 *     changes are seen; it also bounds how late a pull error past its grace fails the attempt
 */
public record PodSettings(
    String namespace,
    String copilotImage,
    Map<String, String> copilotEnvironment,
    String storageSecret,
    Map<String, String> maxRequests,
    Map<String, String> interruptibleNodeSelector,
    List<String> interruptibleTolerations,
    Duration pullGrace,
    Duration uploadGrace,
    Duration pollInterval) {

  public PodSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(copilotImage, "copilotImage");
    copilotEnvironment = Map.copyOf(copilotEnvironment);
    maxRequests = Map.copyOf(maxRequests);
    interruptibleNodeSelector = Map.copyOf(interruptibleNodeSelector);
    interruptibleTolerations = List.copyOf(interruptibleTolerations);
    Objects.requireNonNull(pullGrace, "pullGrace");
    Objects.requireNonNull(uploadGrace, "uploadGrace");
    Objects.requireNonNull(pollInterval, "pollInterval");
    interruptibleTolerations.forEach(Tolerations::parse); // a bad one stops startup
  }

  /**
   * 16 CPUs, 64 GiB, 4 GPUs, 100 GiB of scratch at most; a 3 min pull grace, a 10 min upload grace,
   * a 30 s safety resync (changes come from the pod informer); interruptible pods tolerate {@code
   * aloft.io/interruptible} taints.
   */
  public static PodSettings defaults(String namespace, String copilotImage) {
    return new PodSettings(
        namespace,
        copilotImage,
        Map.of(),
        null,
        Map.of("cpu", "16", "memory", "64Gi", "gpu", "4", "ephemeral-storage", "100Gi"),
        Map.of(),
        List.of("aloft.io/interruptible=true:NoSchedule"),
        Duration.ofMinutes(3),
        Duration.ofMinutes(10),
        Duration.ofSeconds(30));
  }

  public PodSettings withPullGrace(Duration grace) {
    return new PodSettings(
        namespace,
        copilotImage,
        copilotEnvironment,
        storageSecret,
        maxRequests,
        interruptibleNodeSelector,
        interruptibleTolerations,
        grace,
        uploadGrace,
        pollInterval);
  }

  public PodSettings withInterruptible(Map<String, String> nodeSelector, List<String> tolerations) {
    return new PodSettings(
        namespace,
        copilotImage,
        copilotEnvironment,
        storageSecret,
        maxRequests,
        nodeSelector,
        tolerations,
        pullGrace,
        uploadGrace,
        pollInterval);
  }
}
