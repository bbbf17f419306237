package io.aloft.adapters.postgres.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.PostgresTestApplication;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** Reads of the actions table that watches depend on. */
@SpringBootTest(classes = PostgresTestApplication.class)
class R2dbcActionQueriesTest {

  @Autowired ActionQueries actions;
  @Autowired DatabaseClient db;

  /**
   * A watch that fell behind re-reads one coalesced set holding many runs; the read used to group
   * the ids by run and never completed beyond 512 runs, which stalled WatchRuns for good.
   */
  @Test
  void givenSetSpanningMoreRunsThanChunksAndGroups_WhenFoundAll_ThenEveryRowOnce() {
    String project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    int runs = 3 * R2dbcActionQueries.FIND_ALL_CHUNK + 1;
    insertRuns(project, runs);
    List<ActionId> ids = new ArrayList<>();
    IntStream.range(0, runs).forEach(i -> ids.add(root(project, "r" + i)));
    ids.add(new ActionId(RunId.of(project, "development", "r0"), "c1"));
    List<ActionId> stored = List.copyOf(ids);
    ids.add(root(project, "missing"));

    StepVerifier.create(actions.findAll(ids).map(ActionView::id).collectList())
        .assertNext(found -> assertThat(found).containsExactlyInAnyOrderElementsOf(stored))
        .expectComplete()
        .verify(Duration.ofSeconds(30));
  }

  @Test
  void givenNoIds_WhenFoundAll_ThenEmpty() {
    StepVerifier.create(actions.findAll(List.of())).expectComplete().verify(Duration.ofSeconds(5));
  }

  private static ActionId root(String project, String run) {
    return ActionId.root(RunId.of(project, "development", run));
  }

  /** Rows written directly: this is about reading them, not about the projection. */
  private void insertRuns(String project, int runs) {
    String columns =
        "INSERT INTO actions (project, domain, run_name, name, parent_name, action_type,"
            + " input_uri, run_output_base, created_at, updated_at, last_sequence, last_position)";
    db.sql(
            columns
                + " SELECT :project, 'development', 'r' || i, 'a0', NULL, 'TASK', 's3://b/in',"
                + " 's3://b/out/', now(), now(), 0, 0 FROM generate_series(0, :last) AS i")
        .bind("project", project)
        .bind("last", runs - 1)
        .then()
        .block(Duration.ofSeconds(30));
    db.sql(
            columns
                + " VALUES (:project, 'development', 'r0', 'c1', 'a0', 'TASK', 's3://b/in',"
                + " 's3://b/out/', now(), now(), 0, 0)")
        .bind("project", project)
        .then()
        .block(Duration.ofSeconds(30));
  }
}
