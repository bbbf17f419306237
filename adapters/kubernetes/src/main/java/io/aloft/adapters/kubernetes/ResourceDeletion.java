package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Aborts and removal. The resource keeps the Kubernetes finalizer from its creation, so removal is
 * always the store's decision:
 *
 * <ul>
 *   <li>An abort ({@link #request}) is one metadata patch: the deletion annotations, and when the
 *       plugin holds nothing ({@code status.finalizer} false) also the finalizer's removal, after
 *       which a DELETE removes the resource at once. With the plugin holding resources the resource
 *       only stays marked (one write, one change), until {@link #removeFinalizer}.
 *   <li>{@link #removeFinalizer} on a deleting resource drops the Kubernetes finalizer and deletes
 *       it (a write, then the removal); on any other it clears {@code status.finalizer} only.
 *   <li>A deletion through the API (kubectl, a parent's owner cascade) sets {@code
 *       deletionTimestamp}; the resource reads as deleting, and dropping the finalizer ends it.
 * </ul>
 *
 * Each step is idempotent and based on the version it read; a conflict re-reads and repeats, so a
 * crash between two steps leaves a deleting resource that the next call completes.
 */
final class ResourceDeletion {

  private static final int CONFLICT_RETRIES = 5;

  private final TaskActionApi api;
  private final KubeCalls calls;
  private final KnownResources known;
  private final StatusWrites status;
  private final LargeParts parts;

  ResourceDeletion(
      TaskActionApi api,
      KubeCalls calls,
      KnownResources known,
      StatusWrites status,
      LargeParts parts) {
    this.api = api;
    this.calls = calls;
    this.known = known;
    this.status = status;
    this.parts = parts;
  }

  Mono<Void> request(ActionId action, String reason, Instant at) {
    return onFreshVersion(
        status
            .read(action)
            .flatMap(
                resource -> {
                  TaskAction current = TaskActionResources.read(resource);
                  if (current.isDeleting()) {
                    return Mono.empty(); // the first request stands
                  }
                  boolean held = current.status().finalizer();
                  return patch(action, resource, Patches.markDeletion(resource, at, reason, held))
                      .flatMap(marked -> held ? Mono.empty() : remove(action, marked));
                }));
  }

  Mono<Void> removeFinalizer(ActionId action) {
    return onFreshVersion(
        status
            .read(action)
            .flatMap(
                resource -> {
                  TaskAction current = TaskActionResources.read(resource);
                  if (current.isDeleting()) {
                    return release(action, resource).flatMap(released -> remove(action, released));
                  }
                  if (!current.status().finalizer()) {
                    return Mono.empty();
                  }
                  TaskAction unheld =
                      current.withStatus(current.status().toBuilder().finalizer(false).build());
                  return status.update(unheld).then();
                }));
  }

  Mono<Void> delete(ActionId action) {
    return onFreshVersion(
        status
            .read(action)
            .flatMap(resource -> release(action, resource))
            .flatMap(released -> remove(action, released)));
  }

  /** Drops the Kubernetes finalizer; empty when that ended a deletion through the API. */
  private Mono<JsonObject> release(ActionId action, JsonObject resource) {
    if (!TaskActionResources.hasFinalizer(resource)) {
      return Mono.just(resource);
    }
    return patch(action, resource, Patches.releaseFinalizer(resource))
        .switchIfEmpty(Mono.fromRunnable(() -> known.removed(resource)));
  }

  /** DELETE; the resource has no finalizer of ours left, so it goes at once. */
  private Mono<Void> remove(ActionId action, JsonObject last) {
    if (TaskActionResources.hasDeletionTimestamp(last)) {
      return Mono.empty(); // already deleting: the API server removes it with its last finalizer
    }
    String name = TaskActionResources.name(last);
    return calls
        .call("deletion of TaskAction " + action, () -> api.delete(name), KubeErrors::isNotFound)
        .flatMap(
            answer -> {
              if (!isStillThere(answer)) {
                return Mono.fromRunnable(() -> known.removed(last));
              }
              return parts.resolve(answer).doOnNext(known::written);
            })
        .then();
  }

  /** A metadata patch based on {@code resource}'s version; its result is announced. */
  private Mono<JsonObject> patch(ActionId action, JsonObject resource, JsonObject patch) {
    String name = TaskActionResources.name(resource);
    long version = TaskActionResources.resourceVersion(resource);
    return calls
        .raw(() -> api.patch(name, patch))
        .onErrorResume(KubeErrors::isNotFound, e -> Mono.empty())
        .onErrorMap(KubeErrors::isConflict, e -> StatusWrites.stale(action, version, e))
        .onErrorMap(
            e ->
                KubeErrors.translate(
                    "metadata update of TaskAction " + action, calls.attempts(), e))
        .flatMap(parts::resolve)
        .doOnNext(known::written);
  }

  /** The answer to a DELETE is the object when other finalizers keep it, else its last state. */
  private static boolean isStillThere(JsonObject answer) {
    return TaskActionResources.KIND.equals(Json.string(answer, "kind"))
        && TaskActionResources.hasDeletionTimestamp(answer)
        && answer.getAsJsonObject("metadata").has("finalizers")
        && !answer.getAsJsonObject("metadata").getAsJsonArray("finalizers").isEmpty();
  }

  private static <T> Mono<T> onFreshVersion(Mono<T> attempt) {
    return attempt.retryWhen(
        Retry.max(CONFLICT_RETRIES).filter(e -> e instanceof ConcurrentModification));
  }
}
