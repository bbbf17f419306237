package io.aloft.adapters.postgres.notify;

import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.application.port.notify.ChangeFeed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The single-node change feed: projection batches are published here after they commit. The sink is
 * best-effort multicast, which never buffers: subscribers (watch streams) only mark what is dirty
 * and re-read it at their own pace, so they always keep up.
 */
public final class InProcessChangeFeed implements ChangeFeed {

  private final Sinks.Many<ChangeBatch> sink = Sinks.many().multicast().directBestEffort();

  /** Called from projection threads after commit; concurrent calls are serialized. */
  public void publish(ChangeBatch batch) {
    synchronized (sink) {
      sink.tryEmitNext(batch);
    }
  }

  @Override
  public Flux<ChangeBatch> changes() {
    return sink.asFlux();
  }
}
