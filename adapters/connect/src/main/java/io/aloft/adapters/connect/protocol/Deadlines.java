package io.aloft.adapters.connect.protocol;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /**
   * Cancels the stream when the deadline passes and ends it with deadline_exceeded instead. The
   * deadline completes takeUntilOther rather than failing it: an error from the other publisher
   * would end the stream without cancelling it, leaving the handler running.
   */
  static <T> Flux<T> apply(Flux<T> stream, Optional<Duration> timeout) {
    return timeout.map(limit -> Flux.defer(() -> endAtDeadline(stream, limit))).orElse(stream);
  }

  private static <T> Flux<T> endAtDeadline(Flux<T> stream, Duration limit) {
    AtomicBoolean expired = new AtomicBoolean();
    Mono<Long> deadline = Mono.delay(limit).doOnNext(tick -> expired.set(true));
    return stream
        .takeUntilOther(deadline)
        .concatWith(Mono.defer(() -> expired.get() ? Mono.error(exceeded(limit)) : Mono.empty()));
  }

  static ConnectException exceeded(Duration limit) {
    return new ConnectException(
        ConnectCode.DEADLINE_EXCEEDED,
        "the call did not finish within its timeout of " + limit.toMillis() + " ms");
  }
}
