package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.aloft.domain.execution.TaskAction;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Deletes finished TaskActions as the reference's GC does: it lists only those labelled {@value
 * TerminalLabels#TERMINATION_STATUS}{@code =}{@value TerminalLabels#TERMINATED} (a server-side
 * label selector, so the API server never sends the running ones) and deletes those whose {@value
 * TerminalLabels#COMPLETED_TIME} lies before the cutoff. Every condition is checked again on what
 * comes back, so a server that ignored the selector would still delete nothing else.
 *
 * <p>First it labels finished resources that are not labelled (a label write that failed after the
 * terminal status): the unlabelled ones are listed with the selector {@value
 * TerminalLabels#UNLABELLED}, which are the running ones and those.
 */
final class GarbageCollection {

  private static final int CONCURRENCY = 8;

  private final ResourceLister lister;
  private final TerminalLabels labels;
  private final ResourceDeletion deletion;

  /** Puts a listed resource's offloaded parts back; empty when they are gone (it is skipped). */
  private final Function<JsonObject, Mono<JsonObject>> resolve;

  GarbageCollection(
      ResourceLister lister,
      TerminalLabels labels,
      ResourceDeletion deletion,
      Function<JsonObject, Mono<JsonObject>> resolve) {
    this.lister = lister;
    this.labels = labels;
    this.deletion = deletion;
    this.resolve = resolve;
  }

  /** How many finished TaskActions it deleted. */
  Mono<Long> deleteFinishedBefore(Instant cutoff) {
    return labelFinished().then(collect(cutoff));
  }

  private Mono<Long> collect(Instant cutoff) {
    return lister
        .items(TerminalLabels.SELECTED)
        .filter(TerminalLabels::isLabelled)
        .filter(item -> TerminalLabels.finishedBefore(item, cutoff))
        .flatMap(resolve, CONCURRENCY)
        .flatMapIterable(GarbageCollection::readable)
        .filter(GarbageCollection::settled)
        .flatMap(a -> deletion.delete(a.spec().action()).thenReturn(1L), CONCURRENCY)
        .count();
  }

  private Mono<Void> labelFinished() {
    return lister
        .items(TerminalLabels.UNLABELLED)
        .filter(item -> !TerminalLabels.isLabelled(item))
        .flatMap(
            item ->
                resolve
                    .apply(item)
                    .flatMapIterable(GarbageCollection::readable)
                    .filter(action -> action.status().isTerminal())
                    .flatMap(action -> labels.ensure(item, action.status().updatedAt())),
            CONCURRENCY)
        .then();
  }

  private static boolean settled(TaskAction action) {
    return action.status().isTerminal() && !action.status().finalizer() && !action.isDeleting();
  }

  /** A resource someone edited into something unreadable is skipped, not fatal to a listing. */
  static List<TaskAction> readable(JsonObject item) {
    try {
      return List.of(TaskActionResources.read(item));
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
