package io.aloft.adapters.kubernetes.pod;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.execution.PluginPhase;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pod's status as a plugin phase, following the reference's pod helper: a pod that cannot be
 * scheduled waits for resources; one being set up initializes; OOMKilled or a non-zero exit of the
 * task is a retryable USER failure; SIGKILL without OOM (exit 137: evicted, preempted, node lost)
 * or a pod gone for an unknown reason is a retryable SYSTEM failure. Errors the kubelet retries
 * forever (image pulls, container configuration) fail the attempt for good after a grace, naming
 * the image or the cause. Pure: the caller brings the pod and the time.
 */
final class PodStatuses {

  private static final Set<String> PULL_ERRORS =
      Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
  private static final Set<String> CONFIG_ERRORS =
      Set.of("CreateContainerConfigError", "CreateContainerError");

  private PodStatuses() {}

  static PodObservation read(V1Pod pod, Instant now, Duration grace) {
    V1PodStatus status = pod.getStatus();
    String phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
    return switch (phase) {
      case "Pending" -> pending(pod, now, grace);
      case "Running" -> running(pod);
      case "Succeeded" -> succeeded(pod);
      case "Failed" -> failed(pod);
      default -> new PodObservation.NotStarted(PluginPhase.INITIALIZING); // Unknown: node silent
    };
  }

  private static PodObservation pending(V1Pod pod, Instant now, Duration grace) {
    Optional<PodObservation> stuck = stuck(pod, now, grace);
    if (stuck.isPresent()) {
      return stuck.get();
    }
    for (V1PodCondition condition : conditions(pod)) {
      if ("PodScheduled".equals(condition.getType())
          && "False".equals(condition.getStatus())
          && "Unschedulable".equals(condition.getReason())) {
        return new PodObservation.NotStarted(PluginPhase.WAITING_FOR_RESOURCES);
      }
    }
    return new PodObservation.NotStarted(PluginPhase.INITIALIZING);
  }

  private static PodObservation running(V1Pod pod) {
    Optional<V1ContainerStateTerminated> task = terminated(pod, PodNames.TASK);
    if (task.isPresent() && task.get().getExitCode() != 0) {
      return taskFailure(task.get()); // the upload step is still being stopped
    }
    return new PodObservation.Running();
  }

  private static PodObservation succeeded(V1Pod pod) {
    Optional<V1ContainerStateTerminated> upload = terminated(pod, PodNames.UPLOAD);
    // Stopped by a signal it handled, the uploader exits 0; 143 means the grace ran out first.
    if (upload.isPresent() && upload.get().getExitCode() != 0) {
      return new PodObservation.Failed(
          true,
          "OutputUploadFailed",
          "the copilot's upload step exited with code "
              + upload.get().getExitCode()
              + describe(upload.get())
              + "; the outputs were not uploaded",
          ErrorKind.SYSTEM);
    }
    return new PodObservation.Succeeded();
  }

  private static PodObservation failed(V1Pod pod) {
    Optional<V1ContainerStateTerminated> task = terminated(pod, PodNames.TASK);
    if (task.isPresent() && task.get().getExitCode() != 0) {
      return taskFailure(task.get());
    }
    Optional<V1ContainerStateTerminated> download = terminated(pod, PodNames.DOWNLOAD);
    if (download.isPresent() && download.get().getExitCode() != 0) {
      return new PodObservation.Failed(
          true,
          "InputDownloadFailed",
          "the copilot's download step exited with code " + download.get().getExitCode(),
          ErrorKind.SYSTEM);
    }
    V1PodStatus status = pod.getStatus();
    String reason = status == null || status.getReason() == null ? "" : status.getReason();
    String message = status == null || status.getMessage() == null ? "" : status.getMessage();
    return new PodObservation.Failed(
        true,
        "Interrupted",
        "the pod failed"
            + (reason.isEmpty() ? " for an unknown reason" : " (" + reason + ")")
            + (message.isEmpty() ? "" : ": " + message),
        ErrorKind.SYSTEM);
  }

  private static PodObservation taskFailure(V1ContainerStateTerminated state) {
    int code = state.getExitCode();
    if ("OOMKilled".equals(state.getReason())) {
      return new PodObservation.Failed(
          true,
          "OOMKilled",
          "the task ran out of memory (exit code " + code + "); ask for more memory",
          ErrorKind.USER);
    }
    if (code == 137) {
      return new PodObservation.Failed(
          true,
          "Interrupted",
          "the task was killed (SIGKILL, exit code 137) without running out of memory: evicted,"
              + " preempted or its node went away",
          ErrorKind.SYSTEM);
    }
    return new PodObservation.Failed(
        true, "NonZeroExit", "the task exited with code " + code + describe(state), ErrorKind.USER);
  }

  /** An error the kubelet keeps retrying, fatal once it has lasted {@code grace}. */
  private static Optional<PodObservation> stuck(V1Pod pod, Instant now, Duration grace) {
    for (V1ContainerStatus container : containerStatuses(pod)) {
      V1ContainerStateWaiting waiting =
          container.getState() == null ? null : container.getState().getWaiting();
      if (waiting == null || waiting.getReason() == null) {
        continue;
      }
      String reason = waiting.getReason();
      boolean pull = PULL_ERRORS.contains(reason);
      if (!pull && !CONFIG_ERRORS.contains(reason)) {
        continue;
      }
      if (!reason.equals("InvalidImageName") && !pastGrace(pod, now, grace)) {
        return Optional.of(
            new PodObservation.NotStarted(PluginPhase.INITIALIZING, graceLeft(pod, now, grace)));
      }
      String detail = waiting.getMessage() == null ? "" : ": " + waiting.getMessage();
      return Optional.of(
          new PodObservation.Failed(
              false,
              pull ? "ImagePullFailed" : reason,
              pull
                  ? "cannot pull the image '" + container.getImage() + "' (" + reason + ")" + detail
                  : "cannot create the container '"
                      + container.getName()
                      + "' ("
                      + reason
                      + ")"
                      + detail,
              ErrorKind.USER));
    }
    return Optional.empty();
  }

  /** Only asked before the grace is over, so the pod has a creation time. */
  private static Duration graceLeft(V1Pod pod, Instant now, Duration grace) {
    Instant created = pod.getMetadata().getCreationTimestamp().toInstant();
    return Duration.between(now, created.plus(grace));
  }

  private static boolean pastGrace(V1Pod pod, Instant now, Duration grace) {
    OffsetDateTime created =
        pod.getMetadata() == null ? null : pod.getMetadata().getCreationTimestamp();
    return created == null || !created.toInstant().plus(grace).isAfter(now);
  }

  private static Optional<V1ContainerStateTerminated> terminated(V1Pod pod, String name) {
    return containerStatuses(pod).stream()
        .filter(status -> name.equals(status.getName()))
        .map(V1ContainerStatus::getState)
        .filter(state -> state != null && state.getTerminated() != null)
        .map(V1ContainerState::getTerminated)
        .findFirst();
  }

  private static List<V1ContainerStatus> containerStatuses(V1Pod pod) {
    List<V1ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus() != null) {
      if (pod.getStatus().getInitContainerStatuses() != null) {
        all.addAll(pod.getStatus().getInitContainerStatuses());
      }
      if (pod.getStatus().getContainerStatuses() != null) {
        all.addAll(pod.getStatus().getContainerStatuses());
      }
    }
    return all;
  }

  private static List<V1PodCondition> conditions(V1Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getConditions() == null
        ? List.of()
        : pod.getStatus().getConditions();
  }

  private static String describe(V1ContainerStateTerminated state) {
    String reason = state.getReason() == null ? "" : " (" + state.getReason() + ")";
    String message = state.getMessage() == null ? "" : ": " + state.getMessage();
    return reason + message;
  }
}
