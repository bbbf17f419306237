package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.kubernetes.client.openapi.ApiCallback;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.Call;
import reactor.core.publisher.Mono;

/**
 * Runs one API call: on OkHttp's own threads through the client's async API (never blocking a
 * caller's thread), bounded by the operation timeout, and guarded by a circuit breaker inside a
 * retry (exponential backoff with jitter, only for failures worth repeating). The breaker's clock
 * is injected so tests can let its open period pass.
 */
public final class KubeCalls {

  private final ApiClient client;
  private final KubernetesSettings settings;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;

  public KubeCalls(ApiClient client, KubernetesSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.retry =
        Retry.of(
            "kubernetes",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), 2.0))
                .retryOnException(KubeErrors::isRetryable)
                .build());
    this.circuitBreaker =
        CircuitBreaker.of(
            "kubernetes",
            CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerWindow())
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(KubeErrors::isRetryable)
                .clock(clock)
                .build());
  }

  /** The response body; failures become domain errors. */
  public Mono<JsonObject> call(String operation, Supplier<Call> request) {
    return call(operation, request, error -> false);
  }

  /** Like {@link #call(String, Supplier)}; a failure matching {@code emptyWhen} completes empty. */
  public Mono<JsonObject> call(
      String operation, Supplier<Call> request, Predicate<Throwable> emptyWhen) {
    return guarded(request)
        .onErrorResume(emptyWhen, error -> Mono.empty())
        .onErrorMap(error -> KubeErrors.translate(operation, settings.maxAttempts(), error));
  }

  /**
   * Guarded like the others, but the raw failure is passed on: callers map conflicts and missing
   * resources first, then the rest with {@link KubeErrors#translate} and {@link #attempts()}.
   */
  public Mono<JsonObject> raw(Supplier<Call> request) {
    return guarded(request);
  }

  /** How many attempts a call gets, for error messages. */
  public int attempts() {
    return settings.maxAttempts();
  }

  CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  private Mono<JsonObject> guarded(Supplier<Call> request) {
    return guard(Mono.defer(() -> send(client, request.get())));
  }

  /**
   * Any call to the API server (e.g. opening a log stream) with the same timeout per attempt,
   * breaker and retry; failures pass on raw, for {@link KubeErrors#translate}.
   */
  public <T> Mono<T> guard(Mono<T> call) {
    return call.timeout(settings.operationTimeout())
        .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
        .transformDeferred(RetryOperator.of(retry));
  }

  /**
   * One unguarded call through the client's async API, its body as JSON; cancelling cancels the
   * call. Failures are the client's {@link ApiException}s.
   */
  public static Mono<JsonObject> send(ApiClient client, Call call) {
    return Mono.create(
        sink -> {
          sink.onCancel(call::cancel);
          client.executeAsync(call, JsonObject.class, new Callback(sink));
        });
  }

  private record Callback(reactor.core.publisher.MonoSink<JsonObject> sink)
      implements ApiCallback<JsonObject> {
    @Override
    public void onFailure(ApiException e, int status, Map<String, List<String>> headers) {
      sink.error(e);
    }

    @Override
    public void onSuccess(JsonObject result, int status, Map<String, List<String>> headers) {
      if (result == null) {
        sink.success();
      } else {
        sink.success(result);
      }
    }

    @Override
    public void onUploadProgress(long written, long total, boolean done) {}

    @Override
    public void onDownloadProgress(long read, long total, boolean done) {}
  }
}
