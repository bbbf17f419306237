package io.aloft.adapters.kubernetes;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * The TaskAction resource's endpoints as unstarted OkHttp calls, built by the official client's
 * {@link CustomObjectsApi}. Patches are JSON merge patches: the generated client would send the
 * first content type it knows (JSON patch), so the body is replaced as client-java's PatchUtils
 * does.
 */
final class TaskActionApi {

  private static final MediaType MERGE_PATCH = MediaType.get("application/merge-patch+json");
  private static final String VERSION = "v1";

  private final ApiClient client;
  private final CustomObjectsApi api;
  private final String namespace;
  private final OkHttpClient watchHttp;

  /**
   * @param watchReadTimeout how long a watch may stay silent before its connection counts as lost
   */
  TaskActionApi(ApiClient client, String namespace, Duration watchReadTimeout) {
    this.client = client;
    this.api = new CustomObjectsApi(client);
    this.namespace = namespace;
    // The same client (TLS, interceptors) with the watch's longer read timeout; the request
    // already carries the credentials the generated client adds.
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

  String namespace() {
    return namespace;
  }

  Call get(String name) {
    return build(
        () ->
            api.getNamespacedCustomObject(group(), VERSION, namespace, plural(), name)
                .buildCall(null));
  }

  Call create(JsonObject resource) {
    return build(
        () ->
            api.createNamespacedCustomObject(group(), VERSION, namespace, plural(), resource)
                .buildCall(null));
  }

  /** A merge patch of the status subresource (only {@code status} and preconditions count). */
  Call patchStatus(String name, JsonObject patch) {
    return mergePatch(
        build(
            () ->
                api.patchNamespacedCustomObjectStatus(
                        group(), VERSION, namespace, plural(), name, patch)
                    .buildCall(null)),
        patch);
  }

  /** A merge patch of the resource itself (metadata; the API server ignores status here). */
  Call patch(String name, JsonObject patch) {
    return mergePatch(
        build(
            () ->
                api.patchNamespacedCustomObject(group(), VERSION, namespace, plural(), name, patch)
                    .buildCall(null)),
        patch);
  }

  /** Deletes the resource; dependents (children) go in the background, as owner references say. */
  Call delete(String name) {
    V1DeleteOptions options = new V1DeleteOptions().propagationPolicy("Background");
    return build(
        () ->
            api.deleteNamespacedCustomObject(group(), VERSION, namespace, plural(), name)
                .body(options)
                .buildCall(null));
  }

  /** One page of the namespace's TaskActions, those {@code labelSelector} selects when given. */
  Call list(@Nullable String continueToken, int limit, @Nullable String labelSelector) {
    return build(
        () ->
            api.listNamespacedCustomObject(group(), VERSION, namespace, plural())
                .limit(limit)
                ._continue(continueToken)
                .labelSelector(labelSelector)
                .buildCall(null));
  }

  /** A watch from {@code resourceVersion}, which the server ends after {@code timeoutSeconds}. */
  Call watch(String resourceVersion, int timeoutSeconds) {
    Call call =
        build(
            () ->
                api.listNamespacedCustomObject(group(), VERSION, namespace, plural())
                    .watch(true)
                    .allowWatchBookmarks(true)
                    .resourceVersion(resourceVersion)
                    .timeoutSeconds(timeoutSeconds)
                    .buildCall(null));
    return watchHttp.newCall(call.request());
  }

  private Call mergePatch(Call generated, JsonObject patch) {
    // Nulls must be sent: in a merge patch they remove what an earlier status held.
    String body = new GsonBuilder().serializeNulls().create().toJson(patch);
    Request request =
        generated.request().newBuilder().patch(RequestBody.create(body, MERGE_PATCH)).build();
    return client.getHttpClient().newCall(request);
  }

  private static String group() {
    return ResourceNames.GROUP;
  }

  private static String plural() {
    return TaskActionResources.PLURAL;
  }

  private interface CallBuilder {
    Call build() throws ApiException;
  }

  private static Call build(CallBuilder builder) {
    try {
      return builder.build();
    } catch (ApiException e) {
      // Building only serializes the body and the url; it does not touch the network.
      throw new IllegalArgumentException("could not build the request: " + e.getMessage(), e);
    }
  }
}
