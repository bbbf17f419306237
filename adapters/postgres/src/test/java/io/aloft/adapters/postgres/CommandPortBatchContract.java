package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.domain.action.ActionPhase.FAILED;
import static io.aloft.domain.action.ActionPhase.INITIALIZING;
import static io.aloft.domain.action.ActionPhase.QUEUED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.eventstore.AggregateIds;
import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The batch half of the command-port contract ({@link CommandPort#sendAll}): one transaction per
 * batch, all or nothing, each action's commands in the order given. Part of {@link
 * CommandPortContract}, which every adapter test extends.
 */
interface CommandPortBatchContract {

  Duration WAIT = Duration.ofSeconds(30);

  CommandPort commands();

  EventStore eventStore();

  @Test
  default void givenBatchForTwoActions_WhenSentAll_ThenEachStreamKeepsTheBatchOrder() {
    ActionId a = ActionId.root(newRun());
    ActionId b = ActionId.root(newRun());
    sendAndWait(create(a, null));
    sendAndWait(create(b, null));
    List<RecordActionEvent> batch =
        List.of(
            record(b, 1, RUNNING, 0),
            record(a, 1, INITIALIZING, 0),
            record(b, 1, FAILED, 0),
            record(a, 1, RUNNING, 0),
            record(b, 2, QUEUED, 0),
            record(a, 1, SUCCEEDED, 0));

    StepVerifier.create(commands().sendAll(batch)).expectComplete().verify(WAIT);

    assertThat(StoredStreams.recordedKeys(StoredStreams.read(eventStore(), AggregateIds.of(a))))
        .containsExactlyElementsOf(keysOf(batch, a));
    assertThat(StoredStreams.recordedKeys(StoredStreams.read(eventStore(), AggregateIds.of(b))))
        .containsExactlyElementsOf(keysOf(batch, b));
  }

  @Test
  default void givenBatchWithDuplicates_WhenSentAllTwice_ThenEachEventAppendedOnce() {
    ActionId id = ActionId.root(newRun());
    sendAndWait(create(id, null));
    List<RecordActionEvent> batch =
        List.of(record(id, 1, RUNNING, 0), record(id, 1, RUNNING, 0), record(id, 1, SUCCEEDED, 0));

    StepVerifier.create(commands().sendAll(batch)).expectComplete().verify(WAIT);
    StepVerifier.create(commands().sendAll(batch)).expectComplete().verify(WAIT);

    assertThat(StoredStreams.read(eventStore(), AggregateIds.of(id)))
        .extracting(DomainEventMessage::getSequenceNumber)
        .isEqualTo(StoredStreams.sequence(3));
  }

  @Test
  default void givenBatchNamingAMissingAction_WhenSentAll_ThenNotFoundAndNothingAppended() {
    ActionId existing = ActionId.root(newRun());
    ActionId missing = ActionId.root(newRun());
    sendAndWait(create(existing, null));
    List<RecordActionEvent> batch =
        List.of(
            record(existing, 1, RUNNING, 0),
            record(missing, 1, RUNNING, 0),
            record(existing, 1, SUCCEEDED, 0));

    StepVerifier.create(commands().sendAll(batch)).expectError(NotFound.class).verify(WAIT);

    assertThat(StoredStreams.read(eventStore(), AggregateIds.of(existing))).hasSize(1);
    assertThat(StoredStreams.read(eventStore(), AggregateIds.of(missing))).isEmpty();
  }

  @Test
  default void givenTwoActions_When8BatchesTouchBothConcurrently_ThenEachEventLandsOnceGapFree() {
    ActionId a = ActionId.root(newRun());
    ActionId b = ActionId.root(newRun());
    sendAndWait(create(a, null));
    sendAndWait(create(b, null));
    // Half the batches name b first: the adapter must lock in one order, or they deadlock.
    Flux<Void> batches =
        Flux.merge(
            IntStream.range(0, 8)
                .mapToObj(
                    v ->
                        commands()
                            .sendAll(
                                v % 2 == 0
                                    ? List.of(record(a, 1, RUNNING, v), record(b, 1, RUNNING, v))
                                    : List.of(record(b, 1, RUNNING, v), record(a, 1, RUNNING, v))))
                .toList());

    StepVerifier.create(batches).expectComplete().verify(WAIT);

    for (ActionId id : List.of(a, b)) {
      List<DomainEventMessage<?>> stored = StoredStreams.read(eventStore(), AggregateIds.of(id));
      assertThat(stored)
          .extracting(DomainEventMessage::getSequenceNumber)
          .isEqualTo(StoredStreams.sequence(9));
      assertThat(StoredStreams.recordedKeys(stored))
          .extracting(EventKey::version)
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 8).boxed().toList());
    }
  }

  private static List<EventKey> keysOf(List<RecordActionEvent> batch, ActionId id) {
    return batch.stream().filter(c -> c.actionId().equals(id)).map(RecordActionEvent::key).toList();
  }

  private void sendAndWait(ActionCommand command) {
    StepVerifier.create(commands().send(command)).expectComplete().verify(WAIT);
  }
}
