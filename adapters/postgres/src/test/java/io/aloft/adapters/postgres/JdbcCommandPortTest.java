package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.created;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.adapters.postgres.TestCommands.recorded;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.eventstore.AggregateIds;
import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The command-port contract against the real adapter (Axon's JDBC event store on PostgreSQL), plus
 * the race only a shared database has: another node appending between this node's load and its
 * append. The in-JVM aggregate lock cannot order two nodes; the unique (stream, sequence) key has
 * to turn the race into a conflict the adapter retries. The in-memory store has no second writer.
 *
 * <p>Regression test for a fixed bug (main code: adapters/postgres PostgresAdapterConfiguration and
 * AxonCommandPort), shown by the two "AnotherNode" tests: the auto-configured
 * JdbcSQLErrorCodesResolver recognises only java.sql.SQLIntegrityConstraintViolationException,
 * which the PostgreSQL driver never throws (it throws BatchUpdateException/PSQLException with
 * SQLState 23505). The duplicate key therefore surfaces as a plain EventStoreException: no
 * ConcurrencyException, no retry, and the caller gets an untyped error. The fix: a
 * PersistenceExceptionResolver bean that recognises SQLState 23505, e.g. {@code new
 * org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver( dataSource)} (it reads
 * PostgreSQL's 23505 from the SQLState), and in AxonCommandPort retry {@code
 * AggregateStreamCreationException} (a lost race to create a stream, not a ConcurrencyException) as
 * well, so a racing create re-decides to a no-op.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class JdbcCommandPortTest extends CommandPortContract {

  @Autowired CommandPort commands;
  @Autowired EventStore eventStore;
  @Autowired EventStorageEngine engine;
  @Autowired CommandBus commandBus;

  @Override
  public CommandPort commands() {
    return commands;
  }

  @Override
  public EventStore eventStore() {
    return eventStore;
  }

  @Test
  void givenTheRealAdapter_WhenWired_ThenEventsAreStoredByJdbc() {
    assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
  }

  @Test
  void givenAnotherNodeAppendsAfterLoad_WhenCommandCommits_ThenConflictRetriedAndBothLandOnce() {
    ActionId id = ActionId.root(newRun());
    commands.send(create(id, null)).block();
    commands.send(record(id, 1, RUNNING, 0)).block();
    RecordActionEvent theirs = record(id, 1, RUNNING, 1);
    RecordActionEvent ours = record(id, 1, RUNNING, 2);

    int handled = sendWhileAnotherNodeAppends(ours, id, 2, recorded(theirs, RUNNING, 1));

    List<DomainEventMessage<?>> stored = stream(id);
    assertThat(handled).isEqualTo(2);
    assertThat(stored)
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactly(0L, 1L, 2L, 3L);
    assertThat(stored.subList(2, 4))
        .extracting(m -> ((ActionEventRecorded) m.getPayload()).key())
        .containsExactly(theirs.key(), ours.key());
  }

  @Test
  void givenAnotherNodeCreatesSameActionAfterLoad_WhenCreateCommits_ThenIdempotentNoError() {
    ActionId id = ActionId.root(newRun());
    CreateAction ours = create(id, null);

    int handled = sendWhileAnotherNodeAppends(ours, id, 0, created(ours));

    assertThat(handled).isEqualTo(2);
    assertThat(stream(id)).hasSize(1);
  }

  /**
   * Sends {@code command}; right after its first handling (state loaded, events decided, not yet
   * appended) another writer appends {@code payload} at {@code sequence} and commits. Returns how
   * often the command was handled.
   */
  private int sendWhileAnotherNodeAppends(
      Object command, ActionId id, long sequence, Object payload) {
    AtomicInteger handled = new AtomicInteger();
    MessageHandlerInterceptor<CommandMessage<?>> otherNode =
        (unitOfWork, chain) -> {
          Object result = chain.proceed();
          if (command.equals(unitOfWork.getMessage().getPayload())
              && handled.incrementAndGet() == 1) {
            CompletableFuture.runAsync(
                    () ->
                        eventStore.publish(
                            new GenericDomainEventMessage<>(
                                "ActionAggregate", AggregateIds.of(id), sequence, payload)))
                .get(10, TimeUnit.SECONDS);
          }
          return result;
        };
    Registration registration = commandBus.registerHandlerInterceptor(otherNode);
    try {
      switch (command) {
        case CreateAction c -> commands.send(c).block(Duration.ofSeconds(30));
        case RecordActionEvent c -> commands.send(c).block(Duration.ofSeconds(30));
        default -> throw new IllegalArgumentException(command.toString());
      }
    } finally {
      registration.cancel();
    }
    return handled.get();
  }

  private List<DomainEventMessage<?>> stream(ActionId id) {
    return StoredStreams.read(eventStore, AggregateIds.of(id));
  }
}
