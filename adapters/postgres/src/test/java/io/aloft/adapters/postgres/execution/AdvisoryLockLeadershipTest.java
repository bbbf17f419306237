package io.aloft.adapters.postgres.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.PostgresSettings;
import io.aloft.adapters.postgres.TestDatabase;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** Two managers on one database: one leads at a time, and the other takes over when it goes. */
class AdvisoryLockLeadershipTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AdvisoryLockLeadership.Settings FAST =
      new AdvisoryLockLeadership.Settings(
          Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500));

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
  }

  @Test
  void givenALoneManager_whenStarted_thenItLeadsAfterTheTakeoverWait() {
    AdvisoryLockLeadership lone = started();

    StepVerifier.create(lone.leading().filter(Boolean::booleanValue).next())
        .expectNext(true)
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void givenALeader_whenASecondManagerStarts_thenItFollowsUntilTheLeaderCloses() {
    AdvisoryLockLeadership first = started();
    awaitLeading(first);
    AdvisoryLockLeadership second = started();

    StepVerifier.create(second.leading().take(Duration.ofSeconds(1)))
        .expectNext(false)
        .expectComplete()
        .verify(WAIT);

    first.close();
    awaitLeading(second);
  }

  @Test
  void givenTheLeadersConnectionKilled_whenTheOtherTakesOver_thenNeverTwoLeadAtOnce()
      throws SQLException {
    AdvisoryLockLeadership first = started();
    awaitLeading(first);
    AdvisoryLockLeadership second = started();
    AtomicInteger leaders = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    countLeaders("first", first, leaders, mostAtOnce);
    countLeaders("second", second, leaders, mostAtOnce);

    terminateLockHolders();

    StepVerifier.create(first.leading().filter(leads -> !leads).next())
        .expectNext(false)
        .expectComplete()
        .verify(WAIT);
    awaitLeaders(leaders, 1);
    assertThat(mostAtOnce).as("leaders at once; %s", timeline).hasValue(1);
  }

  private final List<String> timeline = java.util.Collections.synchronizedList(new ArrayList<>());

  private void countLeaders(
      String name,
      AdvisoryLockLeadership manager,
      AtomicInteger leaders,
      AtomicInteger mostAtOnce) {
    Disposable counting =
        manager
            .leading()
            .skip(1) // the state now: counted below
            .subscribe(
                leads -> {
                  timeline.add(System.nanoTime() / 1_000_000 + " " + name + "=" + leads);
                  mostAtOnce.accumulateAndGet(
                      leads ? leaders.incrementAndGet() : leaders.decrementAndGet(), Math::max);
                });
    opened.add(counting::dispose);
    if (Boolean.TRUE.equals(manager.leading().blockFirst(WAIT))) {
      mostAtOnce.accumulateAndGet(leaders.incrementAndGet(), Math::max);
    }
  }

  private AdvisoryLockLeadership started() {
    PostgresSettings settings = TestDatabase.settings();
    AdvisoryLockLeadership leadership =
        new AdvisoryLockLeadership(
            new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .database(settings.database())
                    .username(settings.username())
                    .password(settings.password())
                    .build()),
            FAST);
    opened.add(leadership);
    leadership.start();
    return leadership;
  }

  private static void awaitLeading(AdvisoryLockLeadership manager) {
    StepVerifier.create(manager.leading().filter(Boolean::booleanValue).next())
        .expectNext(true)
        .expectComplete()
        .verify(WAIT);
  }

  private static void awaitLeaders(AtomicInteger leaders, int expected) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (leaders.get() != expected) {
      assertThat(System.nanoTime())
          .as("%d leader(s) within %s", expected, WAIT)
          .isLessThan(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  /** What a database restart or a lost connection does to the leader's session. */
  private static void terminateLockHolders() throws SQLException {
    PostgresSettings settings = TestDatabase.settings();
    try (var connection =
            DriverManager.getConnection(
                settings.jdbcUrl(), settings.username(), settings.password());
        var statement = connection.createStatement()) {
      statement.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_locks"
              + " WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()");
    }
  }
}
