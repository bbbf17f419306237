package io.aloft.adapters.postgres.notify;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows one PostgreSQL NOTIFY channel on a connection of its own, for as long as it runs: the
 * handler hears that listening began ({@link Handler#listening}, after every (re)connection, so it
 * can catch up on what it missed) and then each payload, one at a time, in order. A lost connection
 * is reopened with backoff and jitter.
 */
public final class ListenLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ListenLoop.class);

  /** What to do with the channel. Both run one at a time, in the order things happened. */
  public interface Handler {
    Mono<Void> listening();

    Mono<Void> notice(String payload);
  }

  /** How long LISTEN may take, and the backoff between connections. */
  public record Settings(Duration statementTimeout, Duration firstBackoff, Duration maxBackoff) {}

  private final PostgresqlConnectionFactory connections;
  private final String channel;
  private final Settings settings;
  private final Handler handler;
  private volatile Disposable running;

  /** {@code connections}: unpooled, as the listening connection is held for as long as it lives. */
  public ListenLoop(
      PostgresqlConnectionFactory connections, String channel, Settings settings, Handler handler) {
    this.connections = connections;
    this.channel = channel;
    this.settings = settings;
    this.handler = handler;
  }

  public synchronized void start() {
    if (running == null) {
      running =
          Flux.defer(this::session)
              .doOnError(
                  e -> log.warn("{}: connection lost ({}); reconnecting", channel, e.toString()))
              .retryWhen(
                  reactor.util.retry.Retry.backoff(Long.MAX_VALUE, settings.firstBackoff())
                      .maxBackoff(settings.maxBackoff())
                      .jitter(0.5))
              .repeatWhen(ended -> ended.delayElements(settings.firstBackoff()))
              .subscribe();
    }
  }

  /**
   * One connection's life: subscribe to its notifications before LISTEN (none is lost in between),
   * tell the handler, then pass on the payloads; ends when the connection does.
   */
  private Flux<Void> session() {
    return Flux.usingWhen(
        connections.create(),
        connection ->
            Flux.merge(
                    connection
                        .getNotifications()
                        .map(n -> Mono.defer(() -> handler.notice(n.getParameter()))),
                    listen(connection).thenReturn(Mono.defer(handler::listening)))
                .concatMap(work -> work),
        PostgresqlConnection::close);
  }

  private Mono<Void> listen(PostgresqlConnection connection) {
    return connection
        .createStatement("LISTEN " + channel)
        .execute()
        .flatMap(PostgresqlResult::getRowsUpdated)
        .then()
        .timeout(settings.statementTimeout());
  }

  @Override
  public synchronized void close() {
    if (running != null) {
      running.dispose();
      running = null;
    }
  }
}
