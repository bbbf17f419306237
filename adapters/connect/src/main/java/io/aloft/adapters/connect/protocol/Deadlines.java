package io.aloft.adapters.connect.protocol;

import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a call's deadline. The deadline covers the whole call, not the gap between messages: a
 * stream that keeps producing is still ended when its time is up. The timers run on Reactor's
 * parallel scheduler, so tests can use virtual time.
 */
final class Deadlines {

  private Deadlines() {}

  static <T> Mono<T> apply(Mono<T> call, Optional<Duration> timeout) {
    return timeout
        .map(limit -> call.timeout(limit, Mono.error(() -> exceeded(limit))))
        .orElse(call);
  }

  /** Cancels the stream when the deadline passes and ends it with deadline_exceeded instead. */
  static <T> Flux<T> apply(Flux<T> stream, Optional<Duration> timeout) {
    return timeout
        .map(
            limit ->
                stream.takeUntilOther(Mono.delay(limit).then(Mono.error(() -> exceeded(limit)))))
        .orElse(stream);
  }

  static ConnectException exceeded(Duration limit) {
    return new ConnectException(
        ConnectCode.DEADLINE_EXCEEDED,
        "the call did not finish within its timeout of " + limit.toMillis() + " ms");
  }
}
