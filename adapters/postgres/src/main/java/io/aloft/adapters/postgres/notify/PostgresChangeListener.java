package io.aloft.adapters.postgres.notify;

import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Brings other managers' projection batches into this process's change feed, so that watches served
 * here follow actions projected by another manager on the same database (the projection runs where
 * Axon's token is claimed, on one manager at a time).
 *
 * <p>One dedicated connection LISTENs on {@value ChangeNotice#CHANNEL}. A notice from another
 * manager makes it read the rows changed since the last version it saw, up to the notice's, and
 * publish their actions; its own notices only move that mark (its batches are published in-process
 * after commit). When the connection drops it reconnects with backoff and first catches up on
 * everything changed while it was gone, so a missed notice loses nothing; watchers only re-read
 * what they are told, so a repeated action is harmless.
 */
public final class PostgresChangeListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);

  /** Bounded on both sides so the version index is used (see ActionSql.CHANGED_SINCE). */
  private static final String CHANGED_BETWEEN =
      "SELECT project, domain, run_name, name FROM actions WHERE version > $1 AND version <= $2";

  private static final String HIGHEST_VERSION = "SELECT COALESCE(MAX(version), 0) FROM actions";

  private final PostgresqlConnectionFactory connections;
  private final DatabaseClient db;
  private final InProcessChangeFeed feed;
  private final ListenerSettings settings;
  private final Retry readRetry;

  /** The highest row version whose changes were published here; negative until first connected. */
  private volatile long seenVersion = -1;

  private volatile Disposable running;

  /**
   * @param connections unpooled: the listening connection is held for as long as it lives
   * @param db pooled, for the reads a notice asks for
   */
  public PostgresChangeListener(
      PostgresqlConnectionFactory connections,
      DatabaseClient db,
      InProcessChangeFeed feed,
      ListenerSettings settings) {
    this.connections = connections;
    this.db = db;
    this.feed = feed;
    this.settings = settings;
    this.readRetry =
        Retry.of(
            "aloft-change-listener",
            RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100)).build());
  }

  /** How a listener identifies itself and how it retries. */
  public record ListenerSettings(
      String node, Duration queryTimeout, Duration firstBackoff, Duration maxBackoff) {}

  public synchronized void start() {
    if (running == null) {
      running =
          Flux.defer(this::session)
              .doOnError(
                  e -> log.warn("change notices: connection lost ({}); reconnecting", e.toString()))
              .retryWhen(
                  reactor.util.retry.Retry.backoff(Long.MAX_VALUE, settings.firstBackoff())
                      .maxBackoff(settings.maxBackoff())
                      .jitter(0.5))
              .repeatWhen(ended -> ended.delayElements(settings.firstBackoff()))
              .subscribe();
    }
  }

  /** Whether the first connection has listened and read where the read model stands. */
  public boolean listening() {
    return seenVersion >= 0;
  }

  /**
   * One connection's life: subscribe to its notifications before LISTEN (none is lost in between),
   * then catch up, then follow the notices in order; ends when the connection does.
   */
  private Flux<Void> session() {
    return Flux.usingWhen(
        connections.create(),
        connection ->
            Flux.merge(
                    connection.getNotifications().map(Work::notice),
                    listen(connection).thenReturn(Work.CATCH_UP))
                .concatMap(this::handle),
        PostgresqlConnection::close);
  }

  private Mono<Void> listen(PostgresqlConnection connection) {
    return connection
        .createStatement("LISTEN " + ChangeNotice.CHANNEL)
        .execute()
        .flatMap(PostgresqlResult::getRowsUpdated)
        .then()
        .timeout(settings.queryTimeout());
  }

  private Mono<Void> handle(Work work) {
    return work.notification() == null ? catchUp() : onNotice(work.notification());
  }

  /**
   * On the first connection, only where the read model stands (there is nothing to tell yet); after
   * a reconnect, everything that changed while the connection was down.
   */
  private Mono<Void> catchUp() {
    return read(db.sql(HIGHEST_VERSION).map(row -> row.get(0, Long.class)).one())
        .flatMap(highest -> seenVersion < 0 ? mark(highest) : publish(highest, -1));
  }

  private Mono<Void> onNotice(Notification notification) {
    ChangeNotice notice = ChangeNotice.decode(notification.getParameter()).orElse(null);
    if (notice == null || seenVersion < 0 || notice.toVersion() <= seenVersion) {
      return Mono.empty();
    }
    if (notice.node().equals(settings.node())) {
      return mark(notice.toVersion());
    }
    return publish(notice.toVersion(), notice.lastPosition());
  }

  private Mono<Void> publish(long toVersion, long lastPosition) {
    long from = seenVersion;
    if (toVersion <= from) {
      return Mono.empty();
    }
    return read(db.sql(CHANGED_BETWEEN)
            .bind(0, from)
            .bind(1, toVersion)
            .map(
                row ->
                    new ActionId(
                        RunId.of(
                            row.get(0, String.class),
                            row.get(1, String.class),
                            row.get(2, String.class)),
                        row.get(3, String.class)))
            .all()
            .collect(Collectors.toSet()))
        .doOnNext(actions -> publish(actions, lastPosition))
        .then(mark(toVersion));
  }

  private void publish(Set<ActionId> actions, long lastPosition) {
    if (!actions.isEmpty()) {
      feed.publish(new ChangeBatch(lastPosition, actions));
    }
  }

  private Mono<Void> mark(long version) {
    return Mono.fromRunnable(() -> seenVersion = Math.max(seenVersion, version));
  }

  private <T> Mono<T> read(Mono<T> query) {
    return query.timeout(settings.queryTimeout()).transformDeferred(RetryOperator.of(readRetry));
  }

  @Override
  public synchronized void close() {
    if (running != null) {
      running.dispose();
      running = null;
    }
  }

  /** A notice to follow, or (no notification) the catch-up after listening began. */
  private record Work(Notification notification) {
    static final Work CATCH_UP = new Work(null);

    static Work notice(Notification notification) {
      return new Work(notification);
    }
  }
}
