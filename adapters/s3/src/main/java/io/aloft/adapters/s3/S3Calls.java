package io.aloft.adapters.s3;

import io.aloft.application.port.storage.StorageUri;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs one SDK call: bridges its future lazily, bounds each attempt with a timeout, and guards it
 * with a circuit breaker inside a retry (3 attempts, exponential backoff with jitter, only for
 * retryable failures). Missing objects can become an empty result; other failures become domain
 * errors.
 */
final class S3Calls {

  static final int MAX_ATTEMPTS = 3;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final Duration timeout;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;

  S3Calls(String name, Duration timeout) {
    this.timeout = timeout;
    this.retry =
        Retry.of(
            name,
            RetryConfig.custom()
                .maxAttempts(MAX_ATTEMPTS)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(FIRST_BACKOFF, 2.0))
                .retryOnException(S3Errors::isRetryable)
                .build());
    this.circuitBreaker =
        CircuitBreaker.of(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordException(S3Errors::isRetryable)
                .build());
  }

  /** The call's result; failures are translated to domain errors. */
  <T> Mono<T> call(String operation, StorageUri uri, Supplier<CompletableFuture<T>> request) {
    return guarded(request).onErrorMap(e -> S3Errors.translate(operation, uri, MAX_ATTEMPTS, e));
  }

  /** Like {@link #call}, but a missing object (404 NoSuchKey) completes empty. */
  <T> Mono<T> callOrEmpty(
      String operation, StorageUri uri, Supplier<CompletableFuture<T>> request) {
    return call(operation, uri, request, S3Errors::isMissingObject);
  }

  /** Like {@link #call}, but a failure matching {@code emptyWhen} completes empty. */
  <T> Mono<T> call(
      String operation,
      StorageUri uri,
      Supplier<CompletableFuture<T>> request,
      Predicate<Throwable> emptyWhen) {
    return guarded(request)
        .onErrorResume(emptyWhen, e -> Mono.empty())
        .onErrorMap(e -> S3Errors.translate(operation, uri, MAX_ATTEMPTS, e));
  }

  private <T> Mono<T> guarded(Supplier<CompletableFuture<T>> request) {
    return Mono.fromFuture(request)
        .timeout(timeout)
        .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
        .transformDeferred(RetryOperator.of(retry));
  }

  Retry retry() {
    return retry;
  }

  CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }
}
