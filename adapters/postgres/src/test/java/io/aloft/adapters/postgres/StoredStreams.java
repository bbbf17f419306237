package io.aloft.adapters.postgres;

import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.EventKey;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Reads one event-store stream back, as the contract tests inspect it. */
final class StoredStreams {

  private StoredStreams() {}

  static List<DomainEventMessage<?>> read(EventStore store, String streamId) {
    return store.readEvents(streamId).asStream().<DomainEventMessage<?>>map(m -> m).toList();
  }

  /** The keys of the stream's recorded executor events, in stream order. */
  static List<EventKey> recordedKeys(List<DomainEventMessage<?>> stored) {
    return stored.stream()
        .map(DomainEventMessage::getPayload)
        .filter(ActionEventRecorded.class::isInstance)
        .map(p -> ((ActionEventRecorded) p).key())
        .toList();
  }

  /** 0, 1, ..., length - 1: the sequence numbers of a gap-free stream. */
  static List<Long> sequence(int length) {
    return IntStream.range(0, length).mapToObj(i -> (long) i).toList();
  }
}
