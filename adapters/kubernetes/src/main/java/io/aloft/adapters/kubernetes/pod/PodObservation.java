package io.aloft.adapters.kubernetes.pod;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.execution.PluginPhase;

/** What one look at a pod's status found (see {@link PodStatuses}). */
sealed interface PodObservation {

  /** Not running yet: waiting for a node, or initializing (download, image pull). */
  record NotStarted(PluginPhase phase) implements PodObservation {}

  record Running() implements PodObservation {}

  /** The task ended well and the upload step ended; the outputs are still to be checked. */
  record Succeeded() implements PodObservation {}

  record Failed(boolean retryable, String code, String message, ErrorKind kind)
      implements PodObservation {}
}
