package io.aloft.adapters.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * How the TaskAction store uses the API server.
 *
 * @param namespace where the TaskActions live
 * @param operationTimeout the limit for one attempt of one call
 * @param maxAttempts attempts per call for failures worth repeating (5xx, 429, I/O, timeouts)
 * @param firstBackoff the wait before the second attempt; later waits grow exponentially
 * @param breakerWindow the calls the circuit breaker looks at; it opens when half of them failed
 * @param breakerOpenFor how long an open breaker refuses calls before it lets a few through
 * @param watchTimeout how long the API server keeps one watch open (it then ends it and the store
 *     resumes from the last resource version seen)
 * @param resync how often the store re-lists to catch anything a watch missed (only differences are
 *     announced)
 */
public record KubernetesSettings(
    String namespace,
    Duration operationTimeout,
    int maxAttempts,
    Duration firstBackoff,
    int breakerWindow,
    Duration breakerOpenFor,
    Duration watchTimeout,
    Duration resync) {

  public KubernetesSettings {
    Objects.requireNonNull(namespace, "namespace");
    requirePositive(operationTimeout, "operationTimeout");
    requirePositive(firstBackoff, "firstBackoff");
    requirePositive(breakerOpenFor, "breakerOpenFor");
    requirePositive(watchTimeout, "watchTimeout");
    requirePositive(resync, "resync");
    if (maxAttempts < 1 || breakerWindow < 2) {
      throw new IllegalArgumentException("maxAttempts >= 1 and breakerWindow >= 2 are required");
    }
  }

  /** 30 s calls, 3 attempts from 100 ms, a breaker over 20 calls open for 10 s, 5 min watches. */
  public static KubernetesSettings defaults(String namespace) {
    return new KubernetesSettings(
        namespace,
        Duration.ofSeconds(30),
        3,
        Duration.ofMillis(100),
        20,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10));
  }

  public KubernetesSettings withBreaker(int window, Duration openFor) {
    return new KubernetesSettings(
        namespace,
        operationTimeout,
        maxAttempts,
        firstBackoff,
        window,
        openFor,
        watchTimeout,
        resync);
  }

  public KubernetesSettings withOperationTimeout(Duration timeout) {
    return new KubernetesSettings(
        namespace,
        timeout,
        maxAttempts,
        firstBackoff,
        breakerWindow,
        breakerOpenFor,
        watchTimeout,
        resync);
  }

  public KubernetesSettings withRetry(int attempts, Duration backoff) {
    return new KubernetesSettings(
        namespace,
        operationTimeout,
        attempts,
        backoff,
        breakerWindow,
        breakerOpenFor,
        watchTimeout,
        resync);
  }

  public KubernetesSettings withWatch(Duration timeout, Duration resyncEvery) {
    return new KubernetesSettings(
        namespace,
        operationTimeout,
        maxAttempts,
        firstBackoff,
        breakerWindow,
        breakerOpenFor,
        timeout,
        resyncEvery);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
