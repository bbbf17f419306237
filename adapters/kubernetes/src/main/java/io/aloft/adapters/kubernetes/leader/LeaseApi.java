package io.aloft.adapters.kubernetes.leader;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.aloft.adapters.kubernetes.KubeCalls;
import io.aloft.adapters.kubernetes.KubeErrors;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import reactor.core.publisher.Mono;

/**
 * The Lease's endpoints through client-java's {@link CoordinationV1Api}, each one asynchronous call
 * bounded by the timeout it is given, with no retry of its own: the election's loop retries every
 * retry period. Bodies are JSON written here (the generated model would format the times as it
 * likes, and refuse fields it does not know on the way back).
 */
final class LeaseApi {

  private static final MediaType JSON = MediaType.get("application/json");

  private final ApiClient client;
  private final CoordinationV1Api api;
  private final String namespace;

  LeaseApi(ApiClient client, String namespace) {
    this.client = client;
    this.api = new CoordinationV1Api(client);
    this.namespace = namespace;
  }

  /** The Lease; empty when there is none. */
  Mono<JsonObject> get(String name, Duration timeout) {
    return send(() -> api.readNamespacedLease(name, namespace).buildCall(null), timeout)
        .onErrorResume(KubeErrors::isNotFound, e -> Mono.empty());
  }

  /** Creates the Lease; fails with a 409 {@link ApiException} when it exists already. */
  Mono<JsonObject> create(JsonObject lease, Duration timeout) {
    return send(
        () -> withBody(api.createNamespacedLease(namespace, new V1Lease()).buildCall(null), lease),
        timeout);
  }

  /**
   * Replaces the Lease if it is still at the resource version {@code lease} carries; a 409 {@link
   * ApiException} otherwise (someone else wrote it first).
   */
  Mono<JsonObject> replace(String name, JsonObject lease, Duration timeout) {
    return send(
        () ->
            withBody(
                api.replaceNamespacedLease(name, namespace, new V1Lease()).buildCall(null), lease),
        timeout);
  }

  private Call withBody(Call generated, JsonObject body) {
    Request request =
        generated
            .request()
            .newBuilder()
            .method(generated.request().method(), RequestBody.create(new Gson().toJson(body), JSON))
            .build();
    return client.getHttpClient().newCall(request);
  }

  private interface CallBuilder {
    Call build() throws ApiException;
  }

  private Mono<JsonObject> send(CallBuilder builder, Duration timeout) {
    return Mono.defer(
            () -> {
              try {
                return KubeCalls.send(client, builder.build());
              } catch (ApiException e) {
                return Mono.error(e);
              }
            })
        .timeout(timeout);
  }
}
