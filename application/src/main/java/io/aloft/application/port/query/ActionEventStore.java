package io.aloft.application.port.query;

import io.aloft.domain.id.RunId;
import reactor.core.publisher.Flux;

/** Reads the event store itself (not the read model): the source of point-in-time reads. */
public interface ActionEventStore {

  /**
   * The stored events of every action of {@code run} that {@code asOf} includes, in global position
   * order, deserialized as the event store's aggregates load them.
   */
  Flux<StoredActionEvent> runEvents(RunId run, AsOf asOf);
}
