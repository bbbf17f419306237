package io.aloft.adapters.postgres.query;

import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.EventSelection;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Non-blocking reads of runs, actions and their history over R2DBC. */
public final class R2dbcActionQueries implements ActionQueries {

  private static final String FROM = "SELECT " + ActionRowMapper.ACTION_COLUMNS + " FROM actions ";
  private static final String SCOPE_KEY = "project = :project AND domain = :domain";
  private static final String RUN_KEY = SCOPE_KEY + " AND run_name = :run";
  private static final String DEFAULT_ORDER =
      " ORDER BY phase ASC, created_at DESC, run_name DESC, name DESC LIMIT :limit OFFSET :offset";

  /** Keeps each query's key arrays moderate; a watch that fell far behind may pass thousands. */
  static final int FIND_ALL_CHUNK = 500;

  private final DatabaseClient db;

  public R2dbcActionQueries(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<ActionView> find(ActionId id) {
    return bindRun(db.sql(FROM + "WHERE " + RUN_KEY + " AND name = :name"), id.run())
        .bind("name", id.name())
        .map(ActionRowMapper::action)
        .one();
  }

  /**
   * One query per {@link #FIND_ALL_CHUNK} ids, whatever runs they belong to. Not a groupBy by run
   * with a flatMap of collectList per group: with more than 512 runs in one set (flatMap's 256
   * groups plus groupBy's 256 prefetch), the groups wait for a source that waits for demand, and
   * the Flux never completes; a watch re-reading such a set stalls for good.
   */
  @Override
  public Flux<ActionView> findAll(Collection<ActionId> ids) {
    return Flux.fromIterable(ids).buffer(FIND_ALL_CHUNK).concatMap(this::findChunk);
  }

  private Flux<ActionView> findChunk(List<ActionId> ids) {
    return db.sql(
            FROM
                + "WHERE (project, domain, run_name, name) IN (SELECT * FROM unnest("
                + "CAST(:projects AS text[]), CAST(:domains AS text[]),"
                + " CAST(:runs AS text[]), CAST(:names AS text[])))")
        .bind("projects", column(ids, id -> id.run().scope().project().name()))
        .bind("domains", column(ids, id -> id.run().scope().domain().name()))
        .bind("runs", column(ids, id -> id.run().name()))
        .bind("names", column(ids, ActionId::name))
        .map(ActionRowMapper::action)
        .all();
  }

  private static String[] column(List<ActionId> ids, Function<ActionId, String> part) {
    return ids.stream().map(part).toArray(String[]::new);
  }

  @Override
  public Flux<ActionView> listRuns(
      ProjectDomain scope, ActionFilter filter, int limit, long offset) {
    String sql =
        FROM
            + "WHERE project = :project AND domain = :domain AND parent_name IS NULL"
            + filterSql(filter, "run_name")
            + DEFAULT_ORDER;
    GenericExecuteSpec spec =
        db.sql(sql).bind("project", scope.project().name()).bind("domain", scope.domain().name());
    return page(bindFilter(spec, filter), limit, offset).map(ActionRowMapper::action).all();
  }

  @Override
  public Flux<ActionView> listActions(RunId run, ActionFilter filter, int limit, long offset) {
    String sql = FROM + "WHERE " + RUN_KEY + filterSql(filter, "name") + DEFAULT_ORDER;
    GenericExecuteSpec spec = bindFilter(bindRun(db.sql(sql), run), filter);
    return page(spec, limit, offset).map(ActionRowMapper::action).all();
  }

  @Override
  public Flux<ActionView> tree(RunId run) {
    return bindRun(db.sql(FROM + "WHERE " + RUN_KEY + " ORDER BY created_at, name"), run)
        .map(ActionRowMapper::action)
        .all();
  }

  /** Terminal phases: SUCCEEDED, FAILED, ABORTED, TIMED_OUT, RECOVERED. */
  @Override
  public Flux<ActionView> unfinished() {
    return db.sql(
            FROM
                + "WHERE phase NOT IN (5, 6, 7, 8, 10)"
                + " ORDER BY created_at, project, domain, run_name, name")
        .map(ActionRowMapper::action)
        .all();
  }

  @Override
  public Flux<ActionEventView> events(EventSelection selection, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + ActionRowMapper.EVENT_COLUMNS + " FROM action_events WHERE ")
            .append(selection.run() == null ? SCOPE_KEY : RUN_KEY)
            .append(" AND seq > :after");
    if (selection.action() != null) {
      sql.append(" AND name = :name");
    }
    if (selection.fromTime() != null) {
      sql.append(" AND recorded_at >= :fromTime");
    }
    sql.append(" ORDER BY seq LIMIT :limit");
    GenericExecuteSpec statement = db.sql(sql.toString());
    GenericExecuteSpec spec =
        (selection.run() == null
                ? bindScope(statement, selection.scope())
                : bindRun(statement, selection.run()))
            .bind("after", selection.afterPosition())
            .bind("limit", limit);
    return bindSelection(spec, selection).map(ActionRowMapper::event).all();
  }

  private static GenericExecuteSpec bindSelection(
      GenericExecuteSpec spec, EventSelection selection) {
    if (selection.action() != null) {
      spec = spec.bind("name", selection.action().name());
    }
    if (selection.fromTime() != null) {
      spec = spec.bind("fromTime", OffsetDateTime.ofInstant(selection.fromTime(), ZoneOffset.UTC));
    }
    return spec;
  }

  private static String filterSql(ActionFilter filter, String nameColumn) {
    String sql = filter.phases().isEmpty() ? "" : " AND phase = ANY(:phases)";
    return filter.nameContains().isEmpty() ? sql : sql + " AND " + nameColumn + " ILIKE :pattern";
  }

  private static GenericExecuteSpec bindFilter(GenericExecuteSpec spec, ActionFilter filter) {
    if (!filter.phases().isEmpty()) {
      spec =
          spec.bind(
              "phases",
              filter.phases().stream().map(p -> (short) p.number()).toArray(Short[]::new));
    }
    if (!filter.nameContains().isEmpty()) {
      spec = spec.bind("pattern", Rows.containsPattern(filter.nameContains()));
    }
    return spec;
  }

  private static GenericExecuteSpec page(GenericExecuteSpec spec, int limit, long offset) {
    return spec.bind("limit", limit).bind("offset", offset);
  }

  private static GenericExecuteSpec bindRun(GenericExecuteSpec spec, RunId run) {
    return bindScope(spec, run.scope()).bind("run", run.name());
  }

  private static GenericExecuteSpec bindScope(GenericExecuteSpec spec, ProjectDomain scope) {
    return spec.bind("project", scope.project().name()).bind("domain", scope.domain().name());
  }
}
