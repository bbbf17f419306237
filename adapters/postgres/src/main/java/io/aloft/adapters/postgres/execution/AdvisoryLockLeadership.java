package io.aloft.adapters.postgres.execution;

import io.aloft.application.port.execution.Leadership;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Leadership among managers sharing one database and the embedded TaskAction store: whoever holds a
 * PostgreSQL session-level advisory lock reconciles. The lock lives as long as the connection that
 * took it, so a manager that dies, or loses its connection, frees it without anyone's help.
 *
 * <ul>
 *   <li>A follower tries {@code pg_try_advisory_lock} every {@code retryPeriod} on a connection of
 *       its own.
 *   <li>The leader checks that connection every {@code checkPeriod}, each check bounded by {@code
 *       checkTimeout}; a failed or late check ends its leadership at once (and the connection, so
 *       the lock is surely gone), and it becomes a follower again.
 *   <li>The database frees the lock the moment the old leader's session ends, possibly before the
 *       old leader noticed (a database restart, a killed backend). So every new holder waits twice
 *       {@code checkPeriod + checkTimeout} before it leads: by then any old one has failed a check
 *       and stopped. A lock cannot tell whether someone held it a moment ago, so even a manager
 *       starting alone waits once; that is why this is opt-in, for several managers on one
 *       database, and a lone embedded manager simply always leads.
 *   <li>{@link #close()} stops leading, then unlocks and closes, so a successor starts after its
 *       own wait only.
 * </ul>
 */
public final class AdvisoryLockLeadership implements Leadership, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLeadership.class);

  /** "aloft" + "lead" in ASCII: one lock key for every manager of a database. */
  static final long LOCK_KEY = 0x616c6f66_746c6561L;

  /** How a manager seeks and keeps the lock. */
  public record Settings(Duration retryPeriod, Duration checkPeriod, Duration checkTimeout) {

    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    /**
     * Twice the longest a leader can take to notice its connection is gone (a check up to one
     * period away, then up to its timeout): a margin for scheduling, as overlap must never happen.
     */
    Duration takeoverWait() {
      return checkPeriod.plus(checkTimeout).multipliedBy(2);
    }
  }

  private final PostgresqlConnectionFactory connections;
  private final Settings settings;
  private final Sinks.Many<Boolean> states = Sinks.many().replay().latest();
  private volatile Disposable running;
  private volatile boolean leads;

  /** {@code connections}: unpooled, as the lock's connection is held for as long as it leads. */
  public AdvisoryLockLeadership(PostgresqlConnectionFactory connections, Settings settings) {
    this.connections = connections;
    this.settings = settings;
    states.tryEmitNext(false);
  }

  @Override
  public Flux<Boolean> leading() {
    return states.asFlux().distinctUntilChanged();
  }

  public synchronized void start() {
    if (running == null) {
      running =
          Flux.defer(this::term)
              .onErrorResume(
                  e -> {
                    log.warn("leadership: {}; trying again", e.toString());
                    return Mono.empty();
                  })
              .repeatWhen(ended -> ended.delayElements(settings.retryPeriod()))
              .subscribe();
    }
  }

  /**
   * One connection's life: take the lock (or give up this round), wait out a predecessor, lead
   * while the checks pass; always not leading, and the connection closed, when it ends.
   */
  private Mono<Void> term() {
    return Mono.usingWhen(
        connections.create(),
        connection ->
            tryLock(connection)
                .filter(Boolean::booleanValue)
                .flatMap(
                    locked ->
                        Mono.delay(settings.takeoverWait())
                            .then(Mono.fromRunnable(() -> announce(true)))
                            .then(keepChecking(connection))),
        connection -> release(connection),
        (connection, error) -> release(connection),
        connection -> release(connection));
  }

  private Mono<Boolean> tryLock(PostgresqlConnection connection) {
    return connection
        .createStatement("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")
        .execute()
        .flatMap(result -> result.map((row, meta) -> row.get(0, Boolean.class)))
        .single()
        .timeout(settings.checkTimeout());
  }

  /** Completes with an error when a check fails or is late; never completes otherwise. */
  private Mono<Void> keepChecking(PostgresqlConnection connection) {
    return Flux.interval(settings.checkPeriod()).concatMap(tick -> check(connection)).then();
  }

  /**
   * Must see its row: on a connection the server closed, a statement may complete without one
   * instead of failing, which would keep a leader that no longer holds the lock.
   */
  private Mono<Integer> check(PostgresqlConnection connection) {
    return connection
        .createStatement("SELECT 1")
        .execute()
        .flatMap(result -> result.map((row, meta) -> row.get(0, Integer.class)))
        .single()
        .timeout(settings.checkTimeout());
  }

  /** Stops leading first; closing the connection frees the lock (unlock is a courtesy). */
  private Mono<Void> release(PostgresqlConnection connection) {
    return Mono.fromRunnable(() -> announce(false))
        .then(
            connection
                .createStatement("SELECT pg_advisory_unlock_all()")
                .execute()
                .flatMap(result -> result.map((row, meta) -> true)) // rows must be consumed
                .then()
                .timeout(settings.checkTimeout())
                .onErrorResume(e -> Mono.empty()))
        .then(connection.close().onErrorResume(e -> Mono.empty()));
  }

  private void announce(boolean nowLeads) {
    synchronized (states) {
      if (leads == nowLeads) {
        return;
      }
      leads = nowLeads;
      states.tryEmitNext(nowLeads);
    }
    log.info(
        nowLeads
            ? "leading: this manager reconciles TaskActions (advisory lock held)"
            : "not leading: another manager may hold the advisory lock");
  }

  @Override
  public void close() {
    Disposable current;
    synchronized (this) {
      current = running;
      running = null;
    }
    announce(false);
    if (current != null) {
      current.dispose(); // cancels the term: its release unlocks and closes the connection
    }
  }
}
