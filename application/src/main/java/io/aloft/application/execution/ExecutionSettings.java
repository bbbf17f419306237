package io.aloft.application.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * How the TaskAction controller runs.
 *
 * @param workers how many TaskActions are reconciled at once (one TaskAction never twice at once)
 * @param namespace the executor's namespace: part of every output path's shard
 * @param cluster the name reported on events as where attempts ran
 * @param endpoint the API address tasks call back (ActionsService.Enqueue, WatchForUpdates)
 * @param resync how often every active TaskAction is looked at even without news
 * @param backoffBase the first retry delay after a failed reconcile pass; doubles per failure
 * @param backoffMax the longest retry delay
 * @param eventBatchSize the most events sent to EventsService in one call
 * @param eventLinger the longest an event waits for its batch to fill
 * @param pluginCallTimeout the longest one plugin call may take before it counts as a system
 *     failure
 * @param finishedTtl how long a finished TaskAction is kept before garbage collection (its history
 *     stays in the event store)
 */
public record ExecutionSettings(
    int workers,
    String namespace,
    String cluster,
    String endpoint,
    Duration resync,
    Duration backoffBase,
    Duration backoffMax,
    int eventBatchSize,
    Duration eventLinger,
    Duration pluginCallTimeout,
    Duration finishedTtl) {

  public ExecutionSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(resync, "resync");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffMax, "backoffMax");
    if (eventBatchSize < 1) {
      throw new IllegalArgumentException("eventBatchSize must be at least 1: " + eventBatchSize);
    }
    Objects.requireNonNull(eventLinger, "eventLinger");
    Objects.requireNonNull(pluginCallTimeout, "pluginCallTimeout");
    Objects.requireNonNull(finishedTtl, "finishedTtl");
  }

  /** Defaults for an embedded manager listening at {@code endpoint}. */
  public static ExecutionSettings defaults(String endpoint) {
    return new ExecutionSettings(
        64,
        "aloft",
        "local",
        endpoint,
        Duration.ofSeconds(30),
        Duration.ofMillis(5),
        Duration.ofMinutes(5),
        400,
        Duration.ofMillis(1),
        Duration.ofMinutes(15),
        Duration.ofHours(1));
  }
}
