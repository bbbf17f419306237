package io.aloft.application.port.execution;

import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where TaskActions live: the embedded store keeps them in PostgreSQL, the Kubernetes store as
 * custom resources. The controller only ever talks to this port, so both behave alike: optimistic
 * updates on a resource version, deletion that waits for the finalizer, and a change stream.
 */
public interface TaskActionStore {

  /**
   * Creates the TaskAction, or returns the existing one unchanged (creation is idempotent, so a
   * dispatcher may repeat it after a crash).
   */
  Mono<TaskAction> create(TaskActionSpec spec);

  /** Empty when there is no such TaskAction (never created, or deleted). */
  Mono<TaskAction> get(ActionId action);

  /**
   * Stores {@code updated}'s status if the stored resource version still equals {@code
   * updated.resourceVersion()}; returns the stored result with its new version.
   *
   * @throws io.aloft.domain.error.ConcurrentModification (as an error signal) when someone else
   *     changed it first; empty when it no longer exists
   */
  Mono<TaskAction> updateStatus(TaskAction updated);

  /**
   * Marks the TaskAction for deletion (an abort). Without a finalizer it is removed at once;
   * otherwise it stays until {@link #removeFinalizer}. Repeating it keeps the first request. Empty
   * when it does not exist.
   */
  Mono<Void> requestDeletion(ActionId action, String reason, Instant at);

  /**
   * Clears the finalizer of a TaskAction marked for deletion, which removes it. A TaskAction not
   * marked for deletion just loses its finalizer.
   */
  Mono<Void> removeFinalizer(ActionId action);

  /** Removes a finished TaskAction (garbage collection); a no-op when it is gone. */
  Mono<Void> delete(ActionId action);

  /**
   * Garbage collection: removes TaskActions that finished (terminal, finalizer released) before
   * {@code cutoff}; their history stays in the event store. Returns how many were removed.
   */
  Mono<Long> deleteFinishedBefore(Instant cutoff);

  /**
   * Every TaskAction that is not terminal or is marked for deletion: what a (re)starting controller
   * must look at.
   */
  Flux<TaskAction> listActive();

  /**
   * TaskActions as they are created, changed, marked for deletion or removed, from the moment of
   * subscription; hot and unbounded. Each {@link TaskActionChange.Written} carries the stored
   * TaskAction with its resource version. Changes of one TaskAction written concurrently may arrive
   * out of order, so consumers keep the highest resource version they have seen.
   */
  Flux<TaskActionChange> changes();
}
