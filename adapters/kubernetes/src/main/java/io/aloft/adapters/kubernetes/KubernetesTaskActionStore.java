package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.storage.DataStore;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * TaskActions as {@code aloft.io/v1} custom resources (infra/k8s/taskaction-crd.yaml), through the
 * official client. Reads and writes go to the API server; {@link #changes()} comes from a watch
 * ({@link TaskActionWatcher}) plus this instance's own writes, announced as they return.
 *
 * <p>Status updates are JSON merge patches of the status subresource carrying the resource version
 * read, so the API server refuses a stale one (409, {@link
 * io.aloft.domain.error.ConcurrentModification}). Deletion, the finalizer and aborts: {@link
 * ResourceDeletion}. Every call is asynchronous, bounded and guarded ({@link KubeCalls}).
 */
public final class KubernetesTaskActionStore implements TaskActionStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KubernetesTaskActionStore.class);

  /** How many listed resources have their offloaded parts read at once. */
  private static final int RESOLVE_CONCURRENCY = 16;

  private final TaskActionApi api;
  private final KubeCalls calls;
  private final ResourceLister lister;
  private final TaskActionWatcher watcher;
  private final ResourceDeletion deletion;
  private final StatusWrites statusWrites;
  private final GarbageCollection garbage;
  private final LargeParts parts;

  /**
   * A store without storage for large parts: a TaskAction too large for a resource fails to be
   * created ({@code FailedPrecondition}) instead of reaching the API server.
   */
  public KubernetesTaskActionStore(ApiClient client, KubernetesSettings settings, Clock clock) {
    this(client, settings, clock, null, ResourceLimits.defaults());
  }

  /**
   * @param client the API server's client (from a kubeconfig, or in-cluster)
   * @param clock the circuit breaker's clock and the resync's
   * @param storage where parts too large for a resource go (see {@link ResourceLimits}), or null
   */
  public KubernetesTaskActionStore(
      ApiClient client,
      KubernetesSettings settings,
      Clock clock,
      @Nullable DataStore storage,
      ResourceLimits limits) {
    this.api =
        new TaskActionApi(client, settings.namespace(), settings.watchTimeout().plusSeconds(30));
    this.calls = new KubeCalls(client, settings, clock);
    this.parts = new LargeParts(storage, limits);
    this.lister = new ResourceLister(api, calls);
    this.watcher = new TaskActionWatcher(api, lister, settings, clock, parts);
    TerminalLabels labels = new TerminalLabels(api, calls, watcher.known(), parts);
    this.statusWrites = new StatusWrites(api, calls, watcher.known(), labels, parts);
    this.deletion = new ResourceDeletion(api, calls, watcher.known(), statusWrites, parts);
    this.garbage = new GarbageCollection(lister, labels, deletion, this::resolveOrSkip);
  }

  /** Starts the watch behind {@link #changes()}; completes once it runs. */
  public Mono<Void> start() {
    return watcher.start();
  }

  @Override
  public Mono<TaskAction> create(TaskActionSpec spec) {
    if (spec.parent() != null && !spec.parent().run().equals(spec.action().run())) {
      return Mono.error(
          new InvalidArgument(
              "TaskAction "
                  + spec.action()
                  + " names parent "
                  + spec.parent()
                  + " in another run; a parent must belong to the same run"));
    }
    return owner(spec)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(owner -> insert(spec, owner.orElse(null)))
        .flatMap(parts::resolve)
        .doOnNext(watcher.known()::written)
        .onErrorResume(KubeErrors::isConflict, e -> existing(spec))
        .onErrorMap(
            e -> KubeErrors.translate("create of TaskAction " + spec.action(), calls.attempts(), e))
        .map(TaskActionResources::read);
  }

  @Override
  public Mono<TaskAction> get(ActionId action) {
    return statusWrites.read(action).map(TaskActionResources::read);
  }

  @Override
  public Mono<TaskAction> updateStatus(TaskAction updated) {
    return statusWrites.update(updated).map(TaskActionResources::read);
  }

  @Override
  public Mono<Void> requestDeletion(ActionId action, String reason, Instant at) {
    return deletion.request(action, reason, at);
  }

  @Override
  public Mono<Void> removeFinalizer(ActionId action) {
    return deletion.removeFinalizer(action);
  }

  @Override
  public Mono<Void> delete(ActionId action) {
    return deletion.delete(action);
  }

  /**
   * Deletes what is labelled finished before {@code cutoff}, listed with a label selector ({@link
   * GarbageCollection}); the completion time has minutes only, so a TaskAction goes once its whole
   * minute of completion lies before the cutoff.
   */
  @Override
  public Mono<Long> deleteFinishedBefore(Instant cutoff) {
    return garbage.deleteFinishedBefore(cutoff);
  }

  @Override
  public Flux<TaskAction> listActive() {
    return resolvedItems().filter(a -> !a.status().isTerminal() || a.isDeleting());
  }

  /**
   * Every TaskAction listed, with its offloaded parts read back. Unreadable ones are skipped, as
   * are ones whose parts are gone or altered (logged); storage being unavailable fails the listing.
   */
  private Flux<TaskAction> resolvedItems() {
    return lister
        .items()
        .flatMapSequential(this::resolveOrSkip, RESOLVE_CONCURRENCY)
        .flatMapIterable(GarbageCollection::readable);
  }

  /**
   * {@code item} with its offloaded parts read back; empty (logged) when they are gone or altered.
   * Storage being unavailable is an error: the caller retries.
   */
  private Mono<JsonObject> resolveOrSkip(JsonObject item) {
    return parts
        .resolve(item)
        .onErrorResume(
            FailedPrecondition.class,
            e -> {
              log.warn("Skipping TaskAction {}: {}", name(item), e.getMessage());
              return Mono.empty();
            });
  }

  @Override
  public Flux<TaskActionChange> changes() {
    return watcher.changes();
  }

  /** The API server's circuit breaker, for health reporting and tests. */
  public CircuitBreaker.State circuitBreakerState() {
    return calls.circuitBreaker().getState();
  }

  @Override
  public void close() {
    watcher.close();
  }

  private Mono<JsonObject> insert(TaskActionSpec spec, TaskActionResources.@Nullable Owner owner) {
    JsonObject resource = TaskActionResources.newResource(spec, api.namespace(), owner);
    return parts
        .fitForCreate(resource, spec)
        .flatMap(fitted -> calls.raw(() -> api.create(fitted)));
  }

  /** The parent's resource, when the spec has a parent that exists (as the reference does). */
  private Mono<TaskActionResources.Owner> owner(TaskActionSpec spec) {
    if (spec.parent() == null) {
      return Mono.empty();
    }
    return statusWrites
        .read(spec.parent())
        .map(
            parent ->
                new TaskActionResources.Owner(
                    TaskActionResources.name(parent), TaskActionResources.uid(parent)));
  }

  /** A create that found the name taken: the existing TaskAction, if it is this action's. */
  private Mono<JsonObject> existing(TaskActionSpec spec) {
    String name = ResourceNames.name(spec.action());
    return calls
        .call("read of TaskAction " + name, () -> api.get(name), KubeErrors::isNotFound)
        .switchIfEmpty(Mono.defer(() -> insert(spec, null)))
        .flatMap(parts::resolve)
        .flatMap(
            found ->
                TaskActionResources.actionOf(found).equals(spec.action())
                    ? Mono.just(found)
                    : Mono.error(
                        new AlreadyExists(
                            "the TaskAction resource name "
                                + name
                                + " is taken by "
                                + TaskActionResources.actionOf(found)
                                + "; "
                                + spec.action()
                                + " cannot be created in the same namespace")));
  }

  private static String name(JsonObject item) {
    try {
      return TaskActionResources.name(item);
    } catch (RuntimeException e) {
      return "(unnamed)";
    }
  }
}
