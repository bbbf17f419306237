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
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
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

  /** The slowest transfer rate (1 MiB/s) before an attempt counts as stalled. */
  static final long MIN_BYTES_PER_SECOND = 1024 * 1024;

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

  /**
   * Like {@link #call(String, StorageUri, Supplier, Predicate)} for a transfer whose attempts may
   * take longer than the operation timeout: each attempt ends when its {@link Timed#deadline()}
   * signals, so a large object gets time in proportion to its size ({@link #limitFor}).
   */
  <T> Mono<T> transfer(
      String operation,
      StorageUri uri,
      Supplier<Timed<T>> attempt,
      Predicate<Throwable> emptyWhen) {
    return timed(attempt)
        .onErrorResume(emptyWhen, e -> Mono.empty())
        .onErrorMap(e -> S3Errors.translate(operation, uri, MAX_ATTEMPTS, e));
  }

  /** One attempt of a transfer: the SDK's future and when to give up on it. */
  record Timed<T>(CompletableFuture<T> future, Publisher<?> deadline) {}

  /**
   * The time one attempt may take to move {@code bytes}: the operation timeout (for the request's
   * latency) plus the bytes at {@link #MIN_BYTES_PER_SECOND}, so that a 1 GiB transfer is not cut
   * off at a fixed 30 s while a stalled one still ends.
   */
  Duration limitFor(long bytes) {
    return timeout.plusSeconds(bytes / MIN_BYTES_PER_SECOND);
  }

  /**
   * A deadline for a transfer whose size is known only once the response arrives: the operation
   * timeout, then the time {@code bytes} (read then) take at the minimum rate.
   */
  Publisher<?> deadline(LongSupplier bytes) {
    return Mono.delay(timeout)
        .then(
            Mono.defer(
                () -> Mono.delay(Duration.ofSeconds(bytes.getAsLong() / MIN_BYTES_PER_SECOND))));
  }

  private <T> Mono<T> guarded(Supplier<CompletableFuture<T>> request) {
    return timed(() -> new Timed<>(request.get(), Mono.delay(timeout)));
  }

  private <T> Mono<T> timed(Supplier<Timed<T>> attempt) {
    return Mono.defer(
            () -> {
              Timed<T> timed = attempt.get();
              return Mono.fromFuture(timed.future()).timeout(timed.deadline());
            })
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
