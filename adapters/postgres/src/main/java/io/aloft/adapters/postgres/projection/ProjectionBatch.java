package io.aloft.adapters.postgres.projection;

import io.aloft.adapters.postgres.notify.ChangeNotice;
import io.aloft.adapters.postgres.notify.InProcessChangeFeed;
import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Collects the statements of one projection batch and sends them to the database together, just
 * before the batch's transaction commits: a batch of two hundred events costs a few round trips,
 * not two hundred. Statements run in the order the events arrived. The rows the batch changed
 * (found by their versions) are published once, after commit, so readers woken by the notice see
 * the new rows.
 */
public final class ProjectionBatch {

  private static final String RESOURCE = "aloft.projection-batch";

  private final NamedParameterJdbcTemplate jdbc;
  private final InProcessChangeFeed feed;
  private final String node;

  /** {@code node}: this process's identity in the change notices other managers read. */
  public ProjectionBatch(NamedParameterJdbcTemplate jdbc, InProcessChangeFeed feed, String node) {
    this.jdbc = jdbc;
    this.feed = feed;
    this.node = node;
  }

  void add(String sql, SqlParameterSource params, long position) {
    if (!CurrentUnitOfWork.isStarted()) {
      Pending single = new Pending();
      single.add(sql, params, position);
      publish(flush(single), single.lastPosition);
      return;
    }
    CurrentUnitOfWork.get()
        .root()
        .getOrComputeResource(RESOURCE, key -> open())
        .add(sql, params, position);
  }

  private Pending open() {
    Pending pending = new Pending();
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    root.onPrepareCommit(u -> pending.changed = flush(pending));
    root.afterCommit(u -> publish(pending.changed, pending.lastPosition));
    return pending;
  }

  /** Runs the statements, grouping runs of the same statement into one JDBC batch. */
  private Set<ActionId> flush(Pending pending) {
    Long before = jdbc.getJdbcOperations().queryForObject(ActionSql.LAST_VERSION, Long.class);
    int start = 0;
    while (start < pending.sql.size()) {
      int end = start;
      while (end < pending.sql.size() && pending.sql.get(end).equals(pending.sql.get(start))) {
        end++;
      }
      jdbc.batchUpdate(
          pending.sql.get(start),
          pending.params.subList(start, end).toArray(SqlParameterSource[]::new));
      start = end;
    }
    CountShifts.apply(jdbc);
    Set<ActionId> changed = new HashSet<>();
    long toVersion = changedSince(before == null ? 0 : before, changed);
    if (!changed.isEmpty()) {
      notifyOtherManagers(new ChangeNotice(node, toVersion, pending.lastPosition));
    }
    return changed;
  }

  /** Adds the actions whose rows changed after {@code version}; the highest version among them. */
  private long changedSince(long version, Set<ActionId> changed) {
    long[] highest = {version};
    jdbc.getJdbcOperations()
        .query(
            ActionSql.CHANGED_SINCE,
            row -> {
              RunId run = RunId.of(row.getString(1), row.getString(2), row.getString(3));
              changed.add(new ActionId(run, row.getString(4)));
              highest[0] = Math.max(highest[0], row.getLong(5));
            },
            version,
            Long.MAX_VALUE);
    return highest[0];
  }

  /**
   * In the batch's own transaction, so PostgreSQL delivers the notice only if the rows commit, and
   * in commit order; this process publishes its own batches in-process instead (after commit).
   */
  private void notifyOtherManagers(ChangeNotice notice) {
    jdbc.getJdbcOperations()
        .query("SELECT pg_notify(?, ?)", row -> {}, ChangeNotice.CHANNEL, notice.encode());
  }

  private void publish(Set<ActionId> changed, long lastPosition) {
    if (changed != null && !changed.isEmpty()) {
      feed.publish(new ChangeBatch(lastPosition, changed));
    }
  }

  private static final class Pending {
    private final List<String> sql = new ArrayList<>();
    private final List<SqlParameterSource> params = new ArrayList<>();
    private long lastPosition = -1;
    private Set<ActionId> changed;

    void add(String statement, SqlParameterSource values, long position) {
      sql.add(statement);
      params.add(values);
      lastPosition = Math.max(lastPosition, position);
    }
  }
}
