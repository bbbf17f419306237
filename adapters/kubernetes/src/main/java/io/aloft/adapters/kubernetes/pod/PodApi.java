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
import okhttp3.Call;
import reactor.core.publisher.Mono;

/**
 * The pod endpoints the plugin uses, through {@link KubeCalls} (asynchronous, timed out, retried,
 * behind a circuit breaker). A missing pod or TaskAction completes empty; a pod that already exists
 * is reported as {@link AlreadyExists} so a repeated first call adopts it.
 */
final class PodApi {

  /** Deleting an aborted pod does not wait for the upload grace: its outputs are not wanted. */
  static final int ABORT_GRACE_SECONDS = 30;

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

  PodApi(ApiClient client, KubeCalls calls, String namespace) {
    this.client = client;
    this.core = new CoreV1Api(client);
    this.custom = new CustomObjectsApi(client);
    this.calls = calls;
    this.namespace = namespace;
  }

  Mono<V1Pod> get(String name) {
    return calls
        .call(
            "get pod " + name,
            () -> build(() -> core.readNamespacedPod(name, namespace).buildCall(null)),
            KubeErrors::isNotFound)
        .map(this::pod);
  }

  Mono<V1Pod> create(V1Pod pod) {
    String name = pod.getMetadata().getName();
    return calls
        .raw(() -> build(() -> core.createNamespacedPod(namespace, pod).buildCall(null)))
        .onErrorMap(KubeErrors::isConflict, e -> new AlreadyExists())
        .onErrorMap(
            e -> !(e instanceof AlreadyExists),
            e -> KubeErrors.translate("create pod " + name, calls.attempts(), e))
        .map(this::pod);
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

  private V1Pod pod(JsonObject json) {
    return client.getJSON().deserialize(json.toString(), V1Pod.class);
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
