package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.TestCommands.NOW;
import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.domain.action.ActionPhase.FAILED;
import static io.aloft.domain.action.ActionPhase.PAUSED;
import static io.aloft.domain.action.ActionPhase.QUEUED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.projection.ProjectionGroups;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.domain.action.AbortAction;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Replaying the event store through the projections must leave every {@code actions} and {@code
 * action_events} row exactly as it was (phase, attempts, children phase counts, last_position). The
 * whole tables are compared, so every earlier test's runs are replayed and checked as well.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class ProjectionReplayTest {

  @Autowired CommandPort commands;
  @Autowired ActionQueries actions;
  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore eventStore;
  @Autowired NamedParameterJdbcTemplate jdbc;

  private Projections projections;

  @BeforeEach
  void setUp() {
    projections = new Projections(processing, eventStore, jdbc.getJdbcOperations());
    projectRunsWithChildrenRetriesAndAborts();
  }

  @Test
  void givenProjectedRunsWithChildren_WhenProcessorRewoundToStart_ThenRowsIdentical() {
    List<String> actionsBefore = projections.actionRows();
    List<String> eventsBefore = projections.eventRows();

    TrackingEventProcessor processor = projections.processor();
    processor.shutDown();
    projections.rewindStoppedProcessor();
    processor.start();
    projections.awaitCaughtUp();

    assertThat(projections.actionRows()).isEqualTo(actionsBefore);
    assertThat(projections.eventRows()).isEqualTo(eventsBefore);
  }

  /*
   * Regression test for a fixed bug (main code: adapters/postgres aloft-postgres-defaults.properties + PostgresAdapterConfiguration).
   * Axon's replay cannot run: resetTokens() stores a ReplayToken, and the token store's serializer
   * (axon.serializer.general=jackson3) cannot read it back. ReplayToken.resetContext is declared
   * as Object with @JsonTypeInfo, and Jackson 3's default PolymorphicTypeValidator refuses base
   * type Object ("denies resolution of all subtypes of base type java.lang.Object"), so the worker
   * fails to claim its token, Axon logs an unrecoverable error and shuts the processor down: after
   * a reset the read models stop being updated at all. The fix: a Jackson3SerializerCustomizer
   * bean in PostgresAdapterConfiguration, e.g. builder -> builder.polymorphicTypeValidator(
   * BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build()).
   */
  @Test
  void givenProjectedRunsWithChildren_WhenTokensResetAndReplayed_ThenRowsIdentical() {
    List<String> actionsBefore = projections.actionRows();
    List<String> eventsBefore = projections.eventRows();

    TrackingEventProcessor processor = projections.processor();
    processor.shutDown();
    processor.resetTokens();
    assertThat(
            jdbc.getJdbcOperations()
                .queryForObject(
                    "SELECT tokentype FROM tokenentry WHERE processorname = ?",
                    String.class,
                    ProjectionGroups.PROJECTIONS))
        .isEqualTo(ReplayToken.class.getName());
    processor.start();
    try {
      projections.awaitCaughtUp();
    } finally {
      recover(processor);
    }

    assertThat(projections.actionRows()).isEqualTo(actionsBefore);
    assertThat(projections.eventRows()).isEqualTo(eventsBefore);
  }

  private void projectRunsWithChildrenRetriesAndAborts() {
    RunId run = newRun();
    ActionId root = ActionId.root(run);
    ActionId done = new ActionId(run, "c1");
    ActionId retried = new ActionId(run, "c2");
    ActionId grandchild = new ActionId(run, "g1");
    ActionId aborted = new ActionId(run, "c3");
    send(
        create(root, null),
        record(root, 1, RUNNING, 0),
        create(done, root),
        record(done, 1, RUNNING, 0),
        record(done, 1, SUCCEEDED, 0),
        create(retried, root),
        record(retried, 1, FAILED, 0),
        record(retried, 2, QUEUED, 0),
        record(retried, 2, RUNNING, 0),
        create(grandchild, retried),
        record(grandchild, 1, PAUSED, 0),
        record(grandchild, 1, SUCCEEDED, 0),
        create(aborted, root),
        new AbortAction(aborted, "not needed", "alice", NOW));
    RunId abortedRun = newRun();
    ActionId abortedRoot = ActionId.root(abortedRun);
    send(
        create(abortedRoot, null),
        record(abortedRoot, 1, RUNNING, 0),
        create(new ActionId(abortedRun, "c1"), abortedRoot),
        new AbortAction(abortedRoot, "stop", "bob", NOW));
    projections.awaitCaughtUp();

    assertThat(actions.find(root).block().childrenPhaseCounts())
        .isEqualTo(
            Map.of(ActionPhase.SUCCEEDED, 2, ActionPhase.RUNNING, 1, ActionPhase.ABORTED, 1));
    assertThat(actions.find(retried).block().attempts()).isEqualTo(2);
  }

  /** Leaves a working processor for the tests that share this context, whatever happened. */
  private void recover(TrackingEventProcessor processor) {
    if (!processor.isRunning()) {
      processor.shutDown();
      projections.rewindStoppedProcessor();
      processor.start();
      projections.awaitCaughtUp();
    }
  }

  private void send(ActionCommand... sequence) {
    for (ActionCommand command : sequence) {
      commands.send(command).block();
    }
  }
}
