package io.aloft.application.port.execution;

import reactor.core.publisher.Flux;

/**
 * Whether this process may reconcile TaskActions now. Two managers on one TaskAction store must
 * never reconcile the same TaskAction at once: the Kubernetes store elects one leader on a Lease,
 * the embedded store has a single manager that always leads ({@link #always()}).
 */
public interface Leadership {

  /**
   * The current state first, then each change: {@code true} when this process became the leader,
   * {@code false} as soon as it may no longer act as one (before another process could take over).
   * Hot, never completes while the process runs.
   */
  Flux<Boolean> leading();

  /** A single manager: it leads from the start and never stops. */
  static Leadership always() {
    return () -> Flux.just(true).concatWith(Flux.never());
  }
}
