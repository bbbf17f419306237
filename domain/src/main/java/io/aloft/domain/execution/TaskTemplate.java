package io.aloft.domain.execution;

import io.aloft.domain.literal.TypedInterface;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a task's template the executor acts on, decoded from the stored TaskSpec.
 *
 * @param type the plugin that runs it, e.g. {@code container} or {@code noop}; never null, may be
 *     blank (then the spec is invalid)
 * @param iface never null: the declared inputs and outputs
 * @param retries how many times a retryable user failure is retried (attempts = retries + 1)
 * @param timeout null when the task may run forever
 * @param interruptible may run on preemptible capacity
 * @param cache never null
 * @param container null unless the task runs a container
 * @param config plugin-specific settings, never null
 * @param labels labels for the task's pod or resource (metadata.metadata), never null
 * @param annotations annotations likewise, never null
 */
public record TaskTemplate(
    String type,
    TypedInterface iface,
    int retries,
    Duration timeout,
    boolean interruptible,
    CacheSettings cache,
    ContainerSpec container,
    Map<String, String> config,
    Map<String, String> labels,
    Map<String, String> annotations) {

  public TaskTemplate {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(iface, "iface");
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
    Objects.requireNonNull(cache, "cache");
    config = Map.copyOf(config);
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** A template without labels or annotations of its own. */
  public TaskTemplate(
      String type,
      TypedInterface iface,
      int retries,
      Duration timeout,
      boolean interruptible,
      CacheSettings cache,
      ContainerSpec container,
      Map<String, String> config) {
    this(
        type, iface, retries, timeout, interruptible, cache, container, config, Map.of(), Map.of());
  }

  /** How many attempts a user failure may consume in total. */
  public int maxAttempts() {
    return retries + 1;
  }

  public Optional<Duration> timeoutIfSet() {
    return timeout == null || timeout.isZero() || timeout.isNegative()
        ? Optional.empty()
        : Optional.of(timeout);
  }
}
