package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.adapters.postgres.TestCommands.recorded;
import static io.aloft.domain.action.ActionPhase.QUEUED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.eventstore.AggregateIds;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC store hands out global positions at insert time, so concurrent writers can commit out of
 * position order; Axon's gap-aware token then delivers the lower position after the higher one. The
 * projection must not lose the late event.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class ProjectionOrderTest {

  @Autowired CommandPort commands;
  @Autowired ActionQueries actions;
  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore eventStore;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private Projections projections;

  @BeforeEach
  void setUp() {
    projections = new Projections(processing, eventStore, jdbc.getJdbcOperations());
  }

  /*
   * Regression test for a fixed bug (main code: adapters/postgres projection/ActionProjection, ActionSql, Positions). The
   * projection assumes events arrive in global-position order, and they do not: the parent's
   * event takes position 2 but commits after the child's (position 3); the gap-aware processor
   * delivers it last. Two things then lose it:
   *  1. Positions.of(token) is token.position(), which for a gap-filled event is the highest
   *     index seen (3), not the event's own (2). Its action_events row collides on the primary
   *     key with the child's row 3, and ON CONFLICT DO NOTHING drops the parent's history row.
   *  2. SHIFT_ANCESTOR_COUNTS sets the parent's last_position to the child's position, and
   *     last_position guards the parent's OWN events ("AND last_position < :position"), so the
   *     parent's phase change is refused too.
   * Seen on one node: the executor reports the parent RUNNING while the parent enqueues a child.
   * The fix: guard each action row with its stream's sequence number (@SequenceNumber,
   * monotonic per action and unaffected by commit order): "AND last_sequence < :sequence"; key
   * action_events by (project, domain, run_name, name, sequence_number); keep the global
   * position for information and ordering only. (A scratch copy with this change passes.)
   */
  @Test
  void givenParentEventCommitsAfterLaterPositionedChildEvent_WhenProjected_ThenParentEventKept()
      throws Exception {
    RunId run = newRun();
    ActionId root = ActionId.root(run);
    commands.send(create(root, null)).block();
    projections.awaitCaughtUp();
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // A writer whose transaction stays open after its insert took the next position.
    CompletableFuture<Void> slowWriter =
        CompletableFuture.runAsync(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        tx -> {
                          eventStore.publish(
                              new GenericDomainEventMessage<>(
                                  "ActionAggregate",
                                  AggregateIds.of(root),
                                  1,
                                  recorded(record(root, 1, RUNNING, 0), QUEUED, 1)));
                          appended.countDown();
                          awaitQuietly(release);
                        }));
    try {
      assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
      ActionId child = new ActionId(run, "c1");
      commands.send(create(child, root)).block();
      Eventually.await(actions.find(child), row -> true);
    } finally {
      release.countDown();
    }
    slowWriter.get(10, TimeUnit.SECONDS);
    projections.awaitCaughtUp();

    assertThat(actions.find(root).block().phase()).isEqualTo(RUNNING);
    assertThat(
            jdbc.getJdbcOperations()
                .queryForObject(
                    "SELECT count(*) FROM action_events WHERE run_name = ? AND name = 'a0'"
                        + " AND phase = 4",
                    Integer.class,
                    run.name()))
        .isEqualTo(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
