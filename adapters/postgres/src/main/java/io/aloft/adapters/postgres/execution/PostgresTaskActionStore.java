package io.aloft.adapters.postgres.execution;

import static io.aloft.adapters.postgres.execution.TaskActionRows.COLUMNS;
import static io.aloft.adapters.postgres.execution.TaskActionRows.KEY;
import static io.aloft.adapters.postgres.execution.TaskActionRows.bindKey;

import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.Unavailable;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The embedded executor's TaskActions, one row each in {@code task_actions} (migration V3), read
 * and written over R2DBC without blocking. A restarted manager finds every row where it was left.
 *
 * <p>Every write that changes a row increments its {@code resource_version}: status updates,
 * deletion requests and finalizer removal alike, as Kubernetes does for a custom resource. A
 * controller that read a TaskAction before it was marked for deletion therefore gets a {@link
 * ConcurrentModification} on its next status update, and re-reads.
 *
 * <p>Deletion is two statements, each idempotent (mark or clear, then "delete if marked and no
 * finalizer"); whichever of {@link #requestDeletion} and {@link #removeFinalizer} runs its mark or
 * clear last also runs a delete that sees both, so the row cannot be left marked without a
 * finalizer when both calls return. A crash between the two leaves such a row in {@link
 * #listActive}; repeating either call removes it.
 *
 * <p>{@link #changes()} is in-process only: one manager owns the embedded store, so no notification
 * has to cross processes (no LISTEN/NOTIFY). It carries the stored row after each successful create
 * of a new row, status update, deletion request and finalizer removal made through this instance,
 * and the id of each row a deletion removed. The sink is a best-effort multicast: emitting never
 * blocks or fails the writer, a subscriber without demand misses ids (it must re-list), and
 * subscribers run on the writer's thread, so they should only mark ids as dirty or hop to their own
 * scheduler.
 *
 * <p>Every statement is bounded by {@code timeout}; for {@link #listActive} it bounds the wait for
 * each row. A timeout fails with {@link Unavailable}. Times are stored to the microsecond.
 */
public final class PostgresTaskActionStore implements TaskActionStore {

  /** Must stay identical to the predicate of the {@code task_actions_active} index (V3). */
  static final String ACTIVE = "phase NOT IN (5, 6, 7, 8, 10) OR deletion_requested_at IS NOT NULL";

  /** Rows fetched per round trip while {@link #listActive} streams (a server-side cursor). */
  static final int LIST_FETCH_SIZE = 100;

  private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM task_actions WHERE " + KEY;

  private static final String UPDATE_STATUS =
      "UPDATE task_actions SET "
          + TaskActionRows.SET_STATUS
          + ", resource_version = resource_version + 1 WHERE "
          + KEY
          + " AND resource_version = :expected RETURNING "
          + COLUMNS;

  private static final String STORED_VERSION =
      "SELECT resource_version FROM task_actions WHERE " + KEY;

  private static final String MARK_DELETION =
      "UPDATE task_actions SET deletion_requested_at = :at, deletion_reason = :reason,"
          + " resource_version = resource_version + 1 WHERE "
          + KEY
          + " AND deletion_requested_at IS NULL RETURNING "
          + COLUMNS;

  private static final String CLEAR_FINALIZER =
      "UPDATE task_actions SET finalizer = FALSE, resource_version = resource_version + 1 WHERE "
          + KEY
          + " AND finalizer RETURNING "
          + COLUMNS;

  private static final String DELETE_IF_RELEASED =
      "DELETE FROM task_actions WHERE "
          + KEY
          + " AND deletion_requested_at IS NOT NULL AND NOT finalizer RETURNING name";

  private static final String DELETE = "DELETE FROM task_actions WHERE " + KEY;

  private static final String DELETE_FINISHED =
      "DELETE FROM task_actions WHERE phase IN (5, 6, 7, 8, 10) AND NOT finalizer"
          + " AND deletion_requested_at IS NULL AND updated_at < :cutoff";

  private static final String LIST_ACTIVE =
      "SELECT "
          + COLUMNS
          + " FROM task_actions WHERE "
          + ACTIVE
          + " ORDER BY created_at, project, domain, run_name, name";

  private final DatabaseClient db;
  private final Duration timeout;
  private final Sinks.Many<TaskActionChange> changes = Sinks.many().multicast().directBestEffort();

  /** Tells other managers of creates and deletion requests made here (several managers only). */
  private volatile Function<ActionId, Mono<Void>> announce = action -> Mono.empty();

  /**
   * @param db the adapter's R2DBC client
   * @param timeout the longest any one statement may take
   */
  public PostgresTaskActionStore(DatabaseClient db, Duration timeout) {
    this.db = Objects.requireNonNull(db, "db");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public Mono<TaskAction> create(TaskActionSpec spec) {
    if (spec.parent() != null && !spec.parent().run().equals(spec.action().run())) {
      return Mono.error(
          new InvalidArgument(
              "TaskAction "
                  + spec.action()
                  + " names parent "
                  + spec.parent()
                  + " in another run; a parent must belong to the same run"));
    }
    TaskAction initial = TaskAction.create(spec);
    Mono<TaskAction> inserted =
        TaskActionRows.bindStatus(
                TaskActionRows.bindSpec(db.sql(TaskActionRows.INSERT), spec), initial.status())
            .map(TaskActionRows::read)
            .one()
            .doOnNext(this::written)
            .flatMap(stored -> announce.apply(spec.action()).thenReturn(stored));
    return bounded(inserted.switchIfEmpty(Mono.defer(() -> get(spec.action()))));
  }

  @Override
  public Mono<TaskAction> get(ActionId action) {
    return bounded(bindKey(db.sql(SELECT_ONE), action).map(TaskActionRows::read).one());
  }

  @Override
  public Mono<TaskAction> updateStatus(TaskAction updated) {
    ActionId action = updated.spec().action();
    long expected = updated.resourceVersion();
    Mono<TaskAction> stored =
        TaskActionRows.bindStatus(bindKey(db.sql(UPDATE_STATUS), action), updated.status())
            .bind("expected", expected)
            .map(TaskActionRows::read)
            .one()
            .doOnNext(this::written);
    return bounded(stored.switchIfEmpty(Mono.defer(() -> conflictOrGone(action, expected))));
  }

  /** The update matched nothing: the row is gone (empty) or has another version (error). */
  private Mono<TaskAction> conflictOrGone(ActionId action, long expected) {
    return bindKey(db.sql(STORED_VERSION), action)
        .map(row -> row.get("resource_version", Long.class))
        .one()
        .flatMap(
            current ->
                Mono.error(
                    new ConcurrentModification(
                        "TaskAction "
                            + action
                            + " was changed by another writer: the update read resource version "
                            + expected
                            + " but the stored one is "
                            + current
                            + "; re-read it and apply the change again")));
  }

  @Override
  public Mono<Void> requestDeletion(ActionId action, String reason, Instant at) {
    Objects.requireNonNull(at, "at");
    var mark = bindKey(db.sql(MARK_DELETION), action).bind("at", TaskActionRows.utc(at));
    Mono<Boolean> marked =
        (reason == null ? mark.bindNull("reason", String.class) : mark.bind("reason", reason))
            .map(TaskActionRows::read)
            .one()
            .doOnNext(this::written)
            .hasElement();
    // Announced once the deletion is as far as it goes here, so others read its outcome.
    return bounded(
        marked.flatMap(
            found -> deleteIfReleased(action).then(found ? announce.apply(action) : Mono.empty())));
  }

  /** Where to announce creates and deletion requests; see {@link TaskActionNotices}. */
  void announceWith(Function<ActionId, Mono<Void>> announcer) {
    this.announce = announcer;
  }

  /**
   * Passes the stored TaskAction on the change stream, or its removal if it is gone: another
   * manager changed it (see {@link TaskActionNotices}).
   */
  public Mono<Void> refresh(ActionId action) {
    return bounded(get(action))
        .doOnNext(this::written)
        .switchIfEmpty(Mono.fromRunnable(() -> emit(new TaskActionChange.Removed(action))))
        .then();
  }

  @Override
  public Mono<Void> removeFinalizer(ActionId action) {
    Mono<Boolean> cleared =
        bindKey(db.sql(CLEAR_FINALIZER), action)
            .map(TaskActionRows::read)
            .one()
            .doOnNext(this::written)
            .hasElement();
    return bounded(cleared.then(deleteIfReleased(action)));
  }

  /** The second half of both deletion calls; announces the removal if it removed the row. */
  private Mono<Void> deleteIfReleased(ActionId action) {
    return bindKey(db.sql(DELETE_IF_RELEASED), action)
        .map(row -> true)
        .one()
        .doOnNext(deleted -> emit(new TaskActionChange.Removed(action)))
        .then();
  }

  @Override
  public Mono<Void> delete(ActionId action) {
    return bounded(bindKey(db.sql(DELETE), action).then());
  }

  @Override
  public Mono<Long> deleteFinishedBefore(Instant cutoff) {
    return bounded(
        db.sql(DELETE_FINISHED)
            .bind("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
            .fetch()
            .rowsUpdated());
  }

  @Override
  public Flux<TaskAction> listActive() {
    return db.sql(LIST_ACTIVE)
        .filter(statement -> statement.fetchSize(LIST_FETCH_SIZE))
        .map(TaskActionRows::read)
        .all()
        .timeout(timeout)
        .onErrorMap(PostgresTaskActionStore::isTimeout, this::unavailable);
  }

  @Override
  public Flux<TaskActionChange> changes() {
    return changes.asFlux();
  }

  private void written(TaskAction stored) {
    emit(new TaskActionChange.Written(stored));
  }

  /** Concurrent writers are serialized here; the best-effort sink never waits on subscribers. */
  private void emit(TaskActionChange action) {
    synchronized (changes) {
      changes.tryEmitNext(action);
    }
  }

  private <T> Mono<T> bounded(Mono<T> call) {
    return call.timeout(timeout).onErrorMap(PostgresTaskActionStore::isTimeout, this::unavailable);
  }

  private static boolean isTimeout(Throwable error) {
    return error instanceof TimeoutException;
  }

  private Throwable unavailable(Throwable error) {
    return new Unavailable(
        "the TaskAction store (PostgreSQL) did not answer within " + timeout + "; retry", error);
  }
}
