package io.aloft.adapters.postgres.notify;

import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
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

  /** Bounded on both sides so the version index is used (see ActionSql.CHANGED_SINCE). */
  private static final String CHANGED_BETWEEN =
      "SELECT project, domain, run_name, name FROM actions WHERE version > $1 AND version <= $2";

  private static final String HIGHEST_VERSION = "SELECT COALESCE(MAX(version), 0) FROM actions";

  private final DatabaseClient db;
  private final InProcessChangeFeed feed;
  private final ListenerSettings settings;
  private final Retry readRetry;

  /** The highest row version whose changes were published here; negative until first connected. */
  private volatile long seenVersion = -1;

  private final ListenLoop loop;

  /**
   * @param connections unpooled: the listening connection is held for as long as it lives
   * @param db pooled, for the reads a notice asks for
   */
  public PostgresChangeListener(
      PostgresqlConnectionFactory connections,
      DatabaseClient db,
      InProcessChangeFeed feed,
      ListenerSettings settings) {
    this.db = db;
    this.feed = feed;
    this.settings = settings;
    this.loop =
        new ListenLoop(
            connections,
            ChangeNotice.CHANNEL,
            new ListenLoop.Settings(
                settings.queryTimeout(), settings.firstBackoff(), settings.maxBackoff()),
            new ListenLoop.Handler() {
              @Override
              public Mono<Void> listening() {
                return catchUp();
              }

              @Override
              public Mono<Void> notice(String payload) {
                return onNotice(payload);
              }
            });
    this.readRetry =
        Retry.of(
            "aloft-change-listener",
            RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100)).build());
  }

  /** How a listener identifies itself and how it retries. */
  public record ListenerSettings(
      String node, Duration queryTimeout, Duration firstBackoff, Duration maxBackoff) {}

  public void start() {
    loop.start();
  }

  /** Whether the first connection has listened and read where the read model stands. */
  public boolean listening() {
    return seenVersion >= 0;
  }

  /**
   * On the first connection, only where the read model stands (there is nothing to tell yet); after
   * a reconnect, everything that changed while the connection was down.
   */
  private Mono<Void> catchUp() {
    return read(db.sql(HIGHEST_VERSION).map(row -> row.get(0, Long.class)).one())
        .flatMap(highest -> seenVersion < 0 ? mark(highest) : publish(highest, -1));
  }

  private Mono<Void> onNotice(String payload) {
    ChangeNotice notice = ChangeNotice.decode(payload).orElse(null);
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
  public void close() {
    loop.close();
  }
}
