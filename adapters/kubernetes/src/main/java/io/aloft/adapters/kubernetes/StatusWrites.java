package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import reactor.core.publisher.Mono;

/**
 * Reads a TaskAction's resource and writes its status: a JSON merge patch of the status subresource
 * that carries the resource version it was based on, so the API server applies it only to that
 * version (optimistic concurrency, as the domain's resource version promises).
 */
final class StatusWrites {

  private final TaskActionApi api;
  private final KubeCalls calls;
  private final KnownResources known;
  private final TerminalLabels labels;
  private final LargeParts parts;

  StatusWrites(
      TaskActionApi api,
      KubeCalls calls,
      KnownResources known,
      TerminalLabels labels,
      LargeParts parts) {
    this.api = api;
    this.calls = calls;
    this.known = known;
    this.labels = labels;
    this.parts = parts;
  }

  /** The action's resource; empty when missing or when its name is another action's. */
  Mono<JsonObject> read(ActionId action) {
    String name = ResourceNames.name(action);
    return calls
        .call("read of TaskAction " + action, () -> api.get(name), KubeErrors::isNotFound)
        .filter(resource -> TaskActionResources.actionOf(resource).equals(action))
        .flatMap(parts::resolve);
  }

  /**
   * Stores {@code updated}'s status if the resource is still at {@code updated}'s version. Empty
   * when the resource is gone; {@link ConcurrentModification} when the version is stale. A terminal
   * status is followed by the garbage collector's labels ({@link TerminalLabels}), once; the result
   * is then the labelled resource.
   */
  Mono<JsonObject> update(TaskAction updated) {
    ActionId action = updated.spec().action();
    JsonObject status = StatusJson.write(updated.status(), parts.limits().maxMessageChars());
    String name = ResourceNames.name(action);
    return parts
        .fitStatus(status, updated.spec())
        .flatMap(
            fitted -> {
              JsonObject patch = new JsonObject();
              patch.add("metadata", Patches.precondition(updated.resourceVersion()));
              patch.add("status", fitted);
              return calls.raw(() -> api.patchStatus(name, patch));
            })
        .onErrorResume(KubeErrors::isNotFound, e -> Mono.empty())
        .onErrorMap(KubeErrors::isConflict, e -> stale(action, updated.resourceVersion(), e))
        .onErrorMap(
            e -> KubeErrors.translate("status update of TaskAction " + action, calls.attempts(), e))
        .flatMap(parts::resolve)
        .doOnNext(known::written)
        .flatMap(
            written ->
                updated.status().isTerminal()
                    ? labels.ensure(written, updated.status().updatedAt())
                    : Mono.just(written));
  }

  static ConcurrentModification stale(ActionId action, long version, Throwable cause) {
    return new ConcurrentModification(
        "TaskAction "
            + action
            + " was changed after version "
            + version
            + " was read; read it again and retry",
        cause);
  }
}
