package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A projection that fails half way through an event (a transient database error) must retry the
 * whole event: the processor halts and retries, and what it wrote before the failure must be rolled
 * back with it, or the guarded retry skips the rest.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class ProjectionFailureTest {

  @Autowired CommandPort commands;
  @Autowired ActionQueries actions;
  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore eventStore;
  @Autowired NamedParameterJdbcTemplate named;

  /*
   * Regression test for a fixed bug (main code: adapters/postgres PostgresAdapterConfiguration). Axon runs without
   * transactions: its TransactionManager bean is NoTransactionManager, although Spring has a
   * JdbcTransactionManager. Axon 4.13's TransactionAutoConfiguration is ordered after Spring Boot
   * 3's org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration,
   * which Spring Boot 4 moved, so its @ConditionalOnBean(PlatformTransactionManager) is evaluated
   * too early and fails. Each projection statement then commits on its own: here the row update
   * commits, the history insert fails, and the retry finds the row already at that position and
   * skips the history row and the parent's counts for good. (The catalog projection "in the
   * command's transaction" and CommandBatch's "one transaction" are not transactional either.)
   * The fix, in PostgresAdapterConfiguration:
   *   @Bean TransactionManager axonTransactionManager(PlatformTransactionManager tx) {
   *     return new SpringTransactionManager(tx); }
   */
  @Test
  void givenHistoryInsertFailsOnce_WhenProcessorRetries_ThenRowHistoryAndParentCountsAllApplied() {
    Projections projections = new Projections(processing, eventStore, named.getJdbcOperations());
    JdbcOperations jdbc = named.getJdbcOperations();
    RunId run = newRun();
    ActionId root = ActionId.root(run);
    ActionId child = new ActionId(run, "c1");
    commands.send(create(root, null)).block();
    commands.send(create(child, root)).block();
    projections.awaitCaughtUp();
    failNextHistoryInsert(jdbc, run);
    try {
      commands.send(record(child, 1, RUNNING, 0)).block();
      projections.awaitCaughtUp();
    } finally {
      removeFailure(jdbc);
    }

    assertThat(actions.find(child).block().phase()).isEqualTo(RUNNING);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM action_events WHERE run_name = ? AND name = 'c1'"
                    + " AND phase = 4",
                Integer.class,
                run.name()))
        .isEqualTo(1);
    assertThat(actions.find(root).block().childrenPhaseCounts())
        .isEqualTo(Map.of(ActionPhase.RUNNING, 1));
  }

  /** A trigger that fails the first history insert of the run's child c1 going RUNNING. */
  private static void failNextHistoryInsert(JdbcOperations jdbc, RunId run) {
    jdbc.execute("CREATE SEQUENCE aloft_test_failures");
    jdbc.execute(
        """
        CREATE FUNCTION aloft_test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.run_name = '%s' AND NEW.name = 'c1' AND NEW.phase = 4
              AND nextval('aloft_test_failures') = 1 THEN
            RAISE EXCEPTION 'injected transient failure';
          END IF;
          RETURN NEW;
        END $$
        """
            .formatted(run.name()));
    jdbc.execute(
        "CREATE TRIGGER aloft_test_fail_once BEFORE INSERT ON action_events"
            + " FOR EACH ROW EXECUTE FUNCTION aloft_test_fail_once()");
  }

  private static void removeFailure(JdbcOperations jdbc) {
    jdbc.execute("DROP TRIGGER aloft_test_fail_once ON action_events");
    jdbc.execute("DROP FUNCTION aloft_test_fail_once()");
    jdbc.execute("DROP SEQUENCE aloft_test_failures");
  }
}
