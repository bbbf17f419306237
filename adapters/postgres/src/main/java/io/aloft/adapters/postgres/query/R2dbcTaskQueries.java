package io.aloft.adapters.postgres.query;

import io.aloft.application.port.query.TaskQueries;
import io.aloft.application.port.query.TaskView;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.id.TaskName;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Non-blocking reads of deployed tasks over R2DBC. */
public final class R2dbcTaskQueries implements TaskQueries {

  private static final String COLUMNS =
      "project, domain, name, version, task_type, short_name, environment, spec_digest, spec,"
          + " deployed_by, deployed_at";

  private final DatabaseClient db;

  public R2dbcTaskQueries(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<TaskView> find(TaskId id) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM tasks WHERE project = :project AND domain = :domain"
                + " AND name = :name AND version = :version")
        .bind("project", id.scope().project().name())
        .bind("domain", id.scope().domain().name())
        .bind("name", id.name())
        .bind("version", id.version())
        .map(R2dbcTaskQueries::task)
        .one();
  }

  @Override
  public Flux<TaskView> latestVersions(
      ProjectDomain scope, String nameContains, int limit, long offset) {
    String sql =
        "SELECT * FROM (SELECT DISTINCT ON (name) "
            + COLUMNS
            + " FROM tasks WHERE project = :project AND domain = :domain AND name ILIKE :pattern"
            + " ORDER BY name, deployed_at DESC, version DESC) latest"
            + " ORDER BY deployed_at DESC, name LIMIT :limit OFFSET :offset";
    return db.sql(sql)
        .bind("project", scope.project().name())
        .bind("domain", scope.domain().name())
        .bind("pattern", Rows.containsPattern(nameContains))
        .bind("limit", limit)
        .bind("offset", offset)
        .map(R2dbcTaskQueries::task)
        .all();
  }

  @Override
  public Flux<TaskView> versions(TaskName name, int limit, long offset) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM tasks WHERE project = :project AND domain = :domain"
                + " AND name = :name ORDER BY deployed_at DESC, version DESC"
                + " LIMIT :limit OFFSET :offset")
        .bind("project", name.scope().project().name())
        .bind("domain", name.scope().domain().name())
        .bind("name", name.name())
        .bind("limit", limit)
        .bind("offset", offset)
        .map(R2dbcTaskQueries::task)
        .all();
  }

  private static TaskView task(Readable row) {
    return new TaskView(
        TaskId.of(
            Rows.text(row, "project"),
            Rows.text(row, "domain"),
            Rows.text(row, "name"),
            Rows.text(row, "version")),
        Rows.text(row, "task_type"),
        Rows.text(row, "short_name"),
        Rows.text(row, "environment"),
        Rows.text(row, "spec_digest"),
        Rows.bytes(row, "spec"),
        Rows.text(row, "deployed_by"),
        Rows.time(row, "deployed_at"));
  }
}
