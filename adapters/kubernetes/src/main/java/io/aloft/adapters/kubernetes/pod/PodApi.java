package io.aloft.adapters.kubernetes.pod;

import com.google.gson.JsonObject;
import io.aloft.adapters.kubernetes.KubeCalls;
import io.aloft.adapters.kubernetes.KubeErrors;
import io.aloft.adapters.kubernetes.ResourceNames;
import io.aloft.adapters.kubernetes.TaskActionResources;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The pod endpoints the plugin uses, through {@link KubeCalls} (asynchronous, timed out, retried,
 * behind a circuit breaker). A missing pod or TaskAction completes empty; a pod that already exists
 * is reported as {@link AlreadyExists} so a repeated first call adopts it. A pod read is returned
 * as {@link LeanPod} keeps it, the same shape the informer's cache holds. The list and watch of
 * Aloft's pods ({@link #SELECTOR}) feed {@link PodWatcher}.
 */
final class PodApi {

  /** Deleting an aborted pod does not wait for the upload grace: its outputs are not wanted. */
  static final int ABORT_GRACE_SECONDS = 30;

  /** Every pod Aloft creates has the attempt label (PodManifests); no other pod needs it. */
  static final String SELECTOR = PodManifests.ATTEMPT;

  /** Pods per list request: a large namespace is never one huge response (nor one huge tree). */
  static final int PAGE = 500;

  /** A create found the pod there already (a repeated call after a crash). */
  static final class AlreadyExists extends RuntimeException {
    AlreadyExists() {
      super(null, null, false, false);
    }
  }

  private final ApiClient client;
  private final CoreV1Api core;
  private final CustomObjectsApi custom;
  private final KubeCalls calls;
  private final String namespace;
  private final OkHttpClient watchHttp;

  /**
   * @param watchReadTimeout how long a watch may stay silent before its connection counts as lost
   */
  PodApi(ApiClient client, KubeCalls calls, String namespace, Duration watchReadTimeout) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.custom = new CustomObjectsApi(client);
    this.calls = calls;
    this.namespace = namespace;
    // The same client (TLS, interceptors) with the watch's longer read timeout.
    this.watchHttp =
        client
            .getHttpClient()
            .newBuilder()
            .readTimeout(watchReadTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
  }

  ApiClient client() {
    return client;
  }

  Mono<LeanPod> get(String name) {
    return calls
        .call(
            "get pod " + name,
            () -> build(() -> core.readNamespacedPod(name, namespace).buildCall(null)),
            KubeErrors::isNotFound)
        .map(LeanPod::of);
  }

  /** One page of Aloft's pods in the namespace; the first page's version is the listing's. */
  Mono<JsonObject> listPage(@Nullable String continueToken) {
    return calls.call(
        "list of pods",
        () ->
            build(
                () ->
                    core.listNamespacedPod(namespace)
                        .labelSelector(SELECTOR)
                        .limit(PAGE)
                        ._continue(continueToken)
                        .buildCall(null)));
  }

  /**
   * A watch of Aloft's pods from {@code resourceVersion}, which the server ends after {@code
   * timeoutSeconds}; read by {@link io.kubernetes.client.util.Watch}, on the watcher's thread.
   */
  Call watch(String resourceVersion, int timeoutSeconds) {
    Call call =
        build(
            () ->
                core.listNamespacedPod(namespace)
                    .labelSelector(SELECTOR)
                    .watch(true)
                    .allowWatchBookmarks(true)
                    .resourceVersion(resourceVersion)
                    .timeoutSeconds(timeoutSeconds)
                    .buildCall(null));
    return watchHttp.newCall(call.request());
  }

  Mono<LeanPod> create(V1Pod pod) {
    String name = pod.getMetadata().getName();
    return calls
        .raw(() -> build(() -> core.createNamespacedPod(namespace, pod).buildCall(null)))
        .onErrorMap(KubeErrors::isConflict, e -> new AlreadyExists())
        .onErrorMap(
            e -> !(e instanceof AlreadyExists),
            e -> KubeErrors.translate("create pod " + name, calls.attempts(), e))
        .map(LeanPod::of);
  }

  /** Deletes the pod; true when there was one. */
  Mono<Boolean> delete(String name) {
    return calls
        .call(
            "delete pod " + name,
            () ->
                build(
                    () ->
                        core.deleteNamespacedPod(name, namespace)
                            .gracePeriodSeconds(ABORT_GRACE_SECONDS)
                            .propagationPolicy("Background")
                            .buildCall(null)),
            KubeErrors::isNotFound)
        .map(any -> true)
        .defaultIfEmpty(false);
  }

  /** The TaskAction resource that will own the pod, or empty when it is gone. */
  Mono<PodManifests.Owner> owner(String taskActionName) {
    return calls
        .call(
            "get TaskAction " + taskActionName,
            () ->
                build(
                    () ->
                        custom
                            .getNamespacedCustomObject(
                                ResourceNames.GROUP,
                                "v1",
                                namespace,
                                TaskActionResources.PLURAL,
                                taskActionName)
                            .buildCall(null)),
            KubeErrors::isNotFound)
        .map(
            resource -> {
              JsonObject metadata = resource.getAsJsonObject("metadata");
              return new PodManifests.Owner(
                  metadata.get("name").getAsString(), metadata.get("uid").getAsString());
            });
  }

  private interface CallBuilder {
    Call build() throws ApiException;
  }

  private static Call build(CallBuilder builder) {
    try {
      return builder.build();
    } catch (ApiException e) {
      throw new IllegalArgumentException("could not build the request: " + e.getMessage(), e);
    }
  }
}
