package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.notify.ChangeNode;
import io.aloft.adapters.postgres.notify.ChangeNotice;
import io.aloft.adapters.postgres.notify.InProcessChangeFeed;
import io.aloft.adapters.postgres.notify.PostgresChangeListener;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.domain.id.ActionId;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Two managers on one database: this test's Spring context is manager A (event store, projection,
 * its own listener); manager B is a second listener with its own change feed. What A projects must
 * reach B's feed, also across a dropped listening connection.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class CrossNodeChangeFeedTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired CommandPort commands;
  @Autowired DatabaseClient db;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore eventStore;
  @Autowired ChangeNode managerA;

  private final InProcessChangeFeed feedOfB = new InProcessChangeFeed();
  private PostgresChangeListener managerB;

  @BeforeEach
  void startManagerB() {
    managerB = listener("manager-b", Duration.ofSeconds(2));
    managerB.start();
    awaitListening(managerB);
  }

  @AfterEach
  void stopManagerB() {
    managerB.close();
  }

  @Test
  void givenAnActionProjectedByManagerA_whenCommitted_thenManagerBsFeedNamesIt() {
    ActionId root = ActionId.root(newRun());

    StepVerifier.create(firstBatchNaming(root))
        .then(() -> commands.send(create(root, null)).block(WAIT))
        .assertNext(batch -> assertThat(batch.actions()).contains(root))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void givenManagerBsConnectionDropped_whenAChangeCommitsMeanwhile_thenBCatchesUpOnReconnect() {
    ActionId root = ActionId.root(newRun());

    StepVerifier.create(firstBatchNaming(root))
        .then(
            () -> {
              // B reconnects 2 s later, after the change has committed and its notice is gone.
              dropListeningConnections();
              commands.send(create(root, null)).block(WAIT);
              new Projections(processing, eventStore, jdbc.getJdbcOperations()).awaitCaughtUp();
            })
        .assertNext(batch -> assertThat(batch.actions()).contains(root))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void givenItsOwnNotices_whenTheyArrive_thenTheListenerPublishesNothing() {
    InProcessChangeFeed ownFeed = new InProcessChangeFeed();
    ActionId first = ActionId.root(newRun());
    ActionId second = ActionId.root(newRun());
    try (PostgresChangeListener sameNode =
        listener(managerA.id(), Duration.ofMillis(200), ownFeed)) {
      sameNode.start();
      awaitListening(sameNode);

      // Manager A publishes its own batches in-process; its listener must not repeat them, while
      // manager B (a different node) sees both.
      StepVerifier.create(ownFeed.changes().take(Duration.ofSeconds(3)))
          .then(() -> commands.send(create(first, null)).block(WAIT))
          .then(() -> commands.send(create(second, null)).block(WAIT))
          .expectComplete()
          .verify(WAIT);
    }
  }

  private Mono<ChangeBatch> firstBatchNaming(ActionId action) {
    return feedOfB.changes().filter(batch -> batch.actions().contains(action)).next();
  }

  private PostgresChangeListener listener(String node, Duration firstBackoff) {
    return listener(node, firstBackoff, feedOfB);
  }

  private PostgresChangeListener listener(
      String node, Duration firstBackoff, InProcessChangeFeed feed) {
    var settings = TestDatabase.settings();
    var connections =
        new PostgresqlConnectionFactory(
            PostgresqlConnectionConfiguration.builder()
                .host(settings.host())
                .port(settings.port())
                .database(settings.database())
                .username(settings.username())
                .password(settings.password())
                .build());
    return new PostgresChangeListener(
        connections,
        db,
        feed,
        new PostgresChangeListener.ListenerSettings(
            node, Duration.ofSeconds(10), firstBackoff, firstBackoff));
  }

  private static void awaitListening(PostgresChangeListener listener) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!listener.listening()) {
      assertThat(System.nanoTime()).as("listening within %s", WAIT).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  /** Every backend whose last statement was LISTEN: the managers' listening connections. */
  private void dropListeningConnections() {
    jdbc.getJdbcOperations()
        .queryForList(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE query LIKE 'LISTEN "
                + ChangeNotice.CHANNEL
                + "%'"
                + " AND pid <> pg_backend_pid()");
  }
}
