package io.aloft.adapters.postgres.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.PostgresTestApplication;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.execution.TaskActionStoreContract;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.error.Unavailable;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.support.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The TaskActionStore contract against the embedded PostgreSQL (the Spring-wired bean, schema by
 * Flyway), plus what only this store promises: its listing index, paging through a cursor,
 * in-process change notification and statement timeouts.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresTaskActionStoreTest extends TaskActionStoreContract {

  @Autowired TaskActionStore store;
  @Autowired DatabaseClient db;

  @Override
  protected TaskActionStore store() {
    return store;
  }

  @Override
  protected TaskActionStore newInstance() {
    return new PostgresTaskActionStore(db, Duration.ofSeconds(30));
  }

  @Test
  void givenWiredAdapter_ThenTheStoreIsThePostgresOne() {
    assertThat(store).isInstanceOf(PostgresTaskActionStore.class);
  }

  @Test
  void givenActivePredicate_ThenItNamesExactlyTheTerminalPhasesAndMatchesTheIndex()
      throws IOException {
    Set<Integer> terminal =
        Arrays.stream(ActionPhase.values())
            .filter(ActionPhase::isTerminal)
            .map(ActionPhase::number)
            .collect(Collectors.toSet());
    String list =
        PostgresTaskActionStore.ACTIVE.substring(
            PostgresTaskActionStore.ACTIVE.indexOf('(') + 1,
            PostgresTaskActionStore.ACTIVE.indexOf(')'));
    assertThat(
            Arrays.stream(list.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .collect(Collectors.toSet()))
        .isEqualTo(terminal);

    try (InputStream migration =
        getClass().getResourceAsStream("/db/migration/V3__task_actions.sql")) {
      String sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sql).contains("WHERE " + PostgresTaskActionStore.ACTIVE + ";");
    }
  }

  @Test
  void givenActivePredicate_ThenPlannerCanAnswerListActiveFromThePartialIndex() {
    String plan =
        db.sql(
                "SET LOCAL enable_seqscan = off; EXPLAIN SELECT name FROM task_actions WHERE "
                    + PostgresTaskActionStore.ACTIVE
                    + " ORDER BY created_at, project, domain, run_name, name")
            .map(row -> row.get(0, String.class))
            .all()
            .collectList()
            .block(WAIT)
            .toString();

    assertThat(plan).contains("task_actions_active");
  }

  @Test
  void givenMoreActiveRowsThanOneFetch_WhenListed_ThenAllStreamedInCreationOrder() {
    RunId run = newRun();
    int count = PostgresTaskActionStore.LIST_FETCH_SIZE * 2 + 7;
    List<ActionId> ids =
        IntStream.range(0, count).mapToObj(i -> new ActionId(run, "n" + i)).toList();
    Flux.range(0, count)
        .concatMap(
            i ->
                store.create(
                    new TaskActionSpec(
                        ids.get(i),
                        null,
                        ActionType.TASK,
                        null,
                        null,
                        null,
                        null,
                        Bytes.EMPTY,
                        null,
                        null,
                        Map.of(),
                        CREATED.plusMillis(i))))
        .blockLast(WAIT);

    List<ActionId> listed = activeIn(run).stream().map(a -> a.spec().action()).toList();

    assertThat(listed).containsExactlyElementsOf(ids);
  }

  @Test
  void givenWritesThroughAnotherInstance_ThenThisInstanceEmitsNothing() {
    RunId run = newRun();
    ActionId other = ActionId.root(run);
    ActionId mine = new ActionId(run, "mine");
    TaskActionStore second = newInstance();

    StepVerifier.create(
            store.changes().map(TaskActionChange::action).filter(id -> id.run().equals(run)))
        .then(() -> second.create(minimalSpec(other, null)).block(WAIT))
        .then(() -> store.create(minimalSpec(mine, null)).block(WAIT))
        .expectNext(mine)
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void givenSubscriberWithoutDemand_WhenWritten_ThenTheWriterIsNotHeldUp() {
    RunId run = newRun();
    ActionId id = ActionId.root(run);

    StepVerifier.create(
            store.changes().map(TaskActionChange::action).filter(x -> x.run().equals(run)), 0)
        .then(() -> store.create(minimalSpec(id, null)).block(WAIT))
        .then(
            () ->
                assertThat(store.get(id).block(WAIT))
                    .extracting(TaskAction::resourceVersion)
                    .isNotNull())
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void givenStatementSlowerThanTimeout_ThenUnavailable() {
    TaskActionStore impatient = new PostgresTaskActionStore(db, Duration.ofNanos(1));
    ActionId id = ActionId.root(newRun());

    StepVerifier.create(impatient.get(id)).expectError(Unavailable.class).verify(WAIT);
    StepVerifier.create(impatient.listActive()).expectError(Unavailable.class).verify(WAIT);
    StepVerifier.create(impatient.requestDeletion(id, "abort", LATER))
        .expectError(Unavailable.class)
        .verify(WAIT);
  }
}
