package io.aloft.adapters.postgres;

import java.time.Duration;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Re-reads an asynchronous read model until it shows what a test expects (no sleeping). */
public final class Eventually {

  private Eventually() {}

  public static <T> T await(Mono<T> read, Predicate<T> condition) {
    return Mono.defer(() -> read)
        .filter(condition)
        .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
        .timeout(Duration.ofSeconds(20))
        .retryWhen(Retry.max(0))
        .block();
  }
}
