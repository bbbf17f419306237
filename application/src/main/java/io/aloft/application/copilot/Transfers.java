package io.aloft.application.copilot;

import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * What one copilot run shares among its blob transfers: the bound on concurrent transfers and the
 * progress listener. It travels in the Reactor context, so that the nested readers and writers need
 * no extra parameters and two runs on one {@link Copilot} never share a bound.
 */
record Transfers(TransferPermits permits, CopilotProgress progress) {

  /** Concurrent blob transfers per run: enough to hide latency, few enough for the connections. */
  static final int MAX_CONCURRENT = 16;

  static Context context(CopilotProgress progress) {
    return Context.of(
        Transfers.class, new Transfers(new TransferPermits(MAX_CONCURRENT), progress));
  }

  /** Runs {@code work} with the run's transfers (fresh ones when none were set). */
  static <T> Mono<T> with(Function<Transfers, Mono<T>> work) {
    return Mono.deferContextual(
        context ->
            work.apply(
                context.getOrDefault(
                    Transfers.class,
                    new Transfers(new TransferPermits(MAX_CONCURRENT), CopilotProgress.NONE))));
  }

  /** Runs one file's transfer under a permit, and counts the file when it is done. */
  <T> Mono<T> transfer(Mono<T> transfer) {
    return permits.with(() -> transfer).doOnSuccess(done -> progress.fileDone());
  }
}
