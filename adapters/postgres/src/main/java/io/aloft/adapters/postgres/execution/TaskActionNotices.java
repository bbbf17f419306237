package io.aloft.adapters.postgres.execution;

import io.aloft.adapters.postgres.notify.ListenLoop;
import io.aloft.domain.id.ActionId;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Tells the other managers on the database of TaskActions created or marked for deletion here, so
 * that the leader's controller takes them up at once (decision 0008): the embedded store's change
 * stream is in-process, and without this a TaskAction created through a manager that does not lead
 * would wait for the leader's periodic resync. Status writes are not announced: only the leader
 * makes them. A notice, {@code <node> <action key>} on {@value #CHANNEL}, makes every other manager
 * re-read that row and pass it on its store's change stream; a lost notice costs only promptness,
 * since the resync still finds the TaskAction.
 */
public final class TaskActionNotices implements AutoCloseable {

  public static final String CHANNEL = "aloft_task_actions";

  private static final Logger log = LoggerFactory.getLogger(TaskActionNotices.class);

  private final DatabaseClient db;
  private final String node;
  private final Duration timeout;
  private final ListenLoop loop;

  public TaskActionNotices(
      PostgresqlConnectionFactory connections,
      DatabaseClient db,
      String node,
      ListenLoop.Settings settings,
      PostgresTaskActionStore store) {
    this.db = db;
    this.node = node;
    this.timeout = settings.statementTimeout();
    this.loop =
        new ListenLoop(
            connections,
            CHANNEL,
            settings,
            new ListenLoop.Handler() {
              @Override
              public Mono<Void> listening() {
                return Mono.empty(); // what was missed meanwhile, the resync finds
              }

              @Override
              public Mono<Void> notice(String payload) {
                return receive(payload, store);
              }
            });
    store.announceWith(this::announce);
  }

  public void start() {
    loop.start();
  }

  /** Never fails the write it follows: the notice only makes the leader faster. */
  Mono<Void> announce(ActionId action) {
    return db.sql("SELECT pg_notify($1, $2)")
        .bind(0, CHANNEL)
        .bind(1, node + " " + action.key())
        .map(row -> true)
        .all()
        .then()
        .timeout(timeout)
        .onErrorResume(
            e -> {
              log.warn("could not tell other managers of TaskAction {}: {}", action, e.toString());
              return Mono.empty();
            });
  }

  private Mono<Void> receive(String payload, PostgresTaskActionStore store) {
    int space = payload == null ? -1 : payload.indexOf(' ');
    if (space <= 0 || payload.substring(0, space).equals(node)) {
      return Mono.empty();
    }
    ActionId action;
    try {
      action = ActionId.parseKey(payload.substring(space + 1));
    } catch (RuntimeException e) {
      return Mono.empty(); // not a notice of ours
    }
    return store.refresh(action).onErrorResume(e -> Mono.empty());
  }

  @Override
  public void close() {
    loop.close();
  }
}
