package io.aloft.adapters.kubernetes.pod;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.execution.PluginPhase;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What one look at a pod's status found (see {@link PodStatuses}). */
sealed interface PodObservation {

  /**
   * Not running yet: waiting for a node, or initializing (download, image pull). {@code decidedIn}:
   * when an error the kubelet keeps retrying (an image pull) becomes fatal, if that is what it
   * waits on; no pod event marks that moment, so the plugin asks to be called again then.
   */
  record NotStarted(PluginPhase phase, @Nullable Duration decidedIn) implements PodObservation {
    NotStarted(PluginPhase phase) {
      this(phase, null);
    }
  }

  record Running() implements PodObservation {}

  /** The task ended well and the upload step ended; the outputs are still to be checked. */
  record Succeeded() implements PodObservation {}

  record Failed(boolean retryable, String code, String message, ErrorKind kind)
      implements PodObservation {}
}
