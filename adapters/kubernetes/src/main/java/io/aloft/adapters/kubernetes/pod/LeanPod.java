package io.aloft.adapters.kubernetes.pod;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pod reduced to what {@link PodStatuses} reads, as the informer's cache holds it (10,000 pods
 * may be cached; a kubelet's pod is tens of kilobytes of JSON, and client-java's model of even an
 * empty one allocates a dozen collections). The spec, managedFields, labels, annotations, owner
 * references, conditions other than PodScheduled=False and running states are left out. A GET
 * answers in the same shape, so both paths are judged alike. Read from JSON by {@link LeanPodJson}.
 *
 * @param resourceVersion tells a re-list which cached pods changed
 * @param createdAt when the pull grace started
 * @param unschedulable the reason of a PodScheduled=False condition, if there is one
 */
record LeanPod(
    String name,
    @Nullable String resourceVersion,
    @Nullable Instant createdAt,
    @Nullable String phase,
    @Nullable String reason,
    @Nullable String message,
    @Nullable String unschedulable,
    List<Container> initContainers,
    List<Container> containers) {

  /**
   * One container's status: waiting (with its image, named when a pull fails) or ended.
   *
   * @param exitCode null unless the container terminated
   */
  record Container(
      String name,
      @Nullable String image,
      @Nullable String waitingReason,
      @Nullable String waitingMessage,
      @Nullable Integer exitCode,
      @Nullable String exitReason,
      @Nullable String exitMessage) {

    V1ContainerStatus toStatus() {
      V1ContainerStatus status = new V1ContainerStatus().name(name).image(image);
      if (waitingReason == null && exitCode == null) {
        return status;
      }
      return status.state(
          new V1ContainerState()
              .waiting(
                  waitingReason == null
                      ? null
                      : new V1ContainerStateWaiting().reason(waitingReason).message(waitingMessage))
              .terminated(
                  exitCode == null
                      ? null
                      : new V1ContainerStateTerminated()
                          .exitCode(exitCode)
                          .reason(exitReason)
                          .message(exitMessage)));
    }
  }

  LeanPod {
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
  }

  static LeanPod of(JsonObject pod) {
    return LeanPodJson.read(pod);
  }

  /** The client model {@link PodStatuses} reads, built for one look (it is not kept). */
  V1Pod toV1Pod() {
    V1PodStatus status =
        new V1PodStatus()
            .phase(phase)
            .reason(reason)
            .message(message)
            .initContainerStatuses(initContainers.stream().map(Container::toStatus).toList())
            .containerStatuses(containers.stream().map(Container::toStatus).toList());
    if (unschedulable != null) {
      status.addConditionsItem(
          new V1PodCondition().type("PodScheduled").status("False").reason(unschedulable));
    }
    return new V1Pod()
        .metadata(
            new V1ObjectMeta()
                .name(name)
                .resourceVersion(resourceVersion)
                .creationTimestamp(createdAt == null ? null : createdAt.atOffset(ZoneOffset.UTC)))
        .status(status);
  }
}
