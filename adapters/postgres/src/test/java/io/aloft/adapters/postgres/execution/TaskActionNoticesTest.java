package io.aloft.adapters.postgres.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.PostgresConnections;
import io.aloft.adapters.postgres.PostgresTestApplication;
import io.aloft.adapters.postgres.TestDatabase;
import io.aloft.adapters.postgres.notify.ListenLoop;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.application.port.execution.TaskActionStoreContract;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Two managers' embedded stores on one database: what one creates or marks for deletion shows up on
 * the other's change stream (that is how the leader's controller hears of it), and a manager does
 * not re-read its own writes.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class TaskActionNoticesTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired DatabaseClient db;

  private final List<AutoCloseable> opened = new ArrayList<>();
  private PostgresTaskActionStore leader;
  private PostgresTaskActionStore other;

  @BeforeEach
  void twoManagers() {
    leader = store("leader");
    other = store("other");
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
  }

  @Test
  void givenATaskActionCreatedThroughTheOtherManager_thenTheLeadersStreamCarriesIt() {
    TaskActionSpec spec = Specs.spec(ActionId.root(Specs.run()));

    StepVerifier.create(writtenOn(leader, spec.action()))
        .then(() -> other.create(spec).block(WAIT))
        .assertNext(action -> assertThat(action.spec().action()).isEqualTo(spec.action()))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void givenADeletionRequestedThroughTheOtherManager_thenTheLeaderHearsOfIt() {
    TaskActionSpec spec = Specs.spec(ActionId.root(Specs.run()));
    leader.create(spec).block(WAIT);

    // Without a finalizer the row goes at once: the leader's stream says it was removed.
    StepVerifier.create(
            leader
                .changes()
                .ofType(TaskActionChange.Removed.class)
                .filter(removed -> removed.action().equals(spec.action()))
                .next())
        .then(() -> other.requestDeletion(spec.action(), "aborted", Instant.now()).block(WAIT))
        .expectNextCount(1)
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void givenItsOwnCreate_thenAManagerDoesNotHearItTwice() {
    TaskActionSpec spec = Specs.spec(ActionId.root(Specs.run()));

    StepVerifier.create(
            leader
                .changes()
                .ofType(TaskActionChange.Written.class)
                .filter(w -> w.current().spec().action().equals(spec.action()))
                .take(Duration.ofSeconds(2)))
        .then(() -> leader.create(spec).block(WAIT))
        .expectNextCount(1) // its own write, in-process; no second one from its notice
        .expectComplete()
        .verify(WAIT);
  }

  private static Mono<io.aloft.domain.execution.TaskAction> writtenOn(
      PostgresTaskActionStore store, ActionId action) {
    return store
        .changes()
        .ofType(TaskActionChange.Written.class)
        .map(TaskActionChange.Written::current)
        .filter(current -> current.spec().action().equals(action))
        .next();
  }

  private PostgresTaskActionStore store(String node) {
    PostgresTaskActionStore store = new PostgresTaskActionStore(db, Duration.ofSeconds(30));
    TaskActionNotices notices =
        new TaskActionNotices(
            PostgresConnections.unpooled(TestDatabase.settings()),
            db,
            node,
            new ListenLoop.Settings(
                Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(1)),
            store);
    notices.start();
    opened.add(notices);
    awaitListening(node);
    return store;
  }

  /** LISTEN has run on the notices' connection (its backend shows it as its last statement). */
  private void awaitListening(String node) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long listening = 0;
    while (listening < opened.size()) {
      listening =
          db.sql(
                  "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN "
                      + TaskActionNotices.CHANNEL
                      + "'")
              .map(row -> row.get(0, Long.class))
              .one()
              .block(WAIT);
      assertThat(System.nanoTime()).as("%s listening within %s", node, WAIT).isLessThan(deadline);
    }
  }

  /** The contract's sample specs. */
  abstract static class Specs extends TaskActionStoreContract {
    static TaskActionSpec spec(ActionId id) {
      return fullSpec(id);
    }

    static io.aloft.domain.id.RunId run() {
      return newRun();
    }
  }
}
