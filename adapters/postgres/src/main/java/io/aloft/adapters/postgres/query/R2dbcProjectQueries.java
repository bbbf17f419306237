package io.aloft.adapters.postgres.query;

import io.aloft.adapters.postgres.projection.Json;
import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.query.ProjectView;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.project.ProjectLifecycle;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Non-blocking reads of projects over R2DBC. */
public final class R2dbcProjectQueries implements ProjectQueries {

  private static final String SELECT =
      "SELECT name, display_name, description, labels::text AS labels, lifecycle, created_at,"
          + " updated_at FROM projects ";

  private final DatabaseClient db;

  public R2dbcProjectQueries(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<ProjectView> find(ProjectId id) {
    return db.sql(SELECT + "WHERE name = :name")
        .bind("name", id.name())
        .map(R2dbcProjectQueries::project)
        .one();
  }

  @Override
  public Flux<ProjectView> list(int limit, long offset) {
    return db.sql(SELECT + "ORDER BY name LIMIT :limit OFFSET :offset")
        .bind("limit", limit)
        .bind("offset", offset)
        .map(R2dbcProjectQueries::project)
        .all();
  }

  private static ProjectView project(Readable row) {
    return new ProjectView(
        new ProjectId(Rows.text(row, "name")),
        Rows.text(row, "display_name"),
        Rows.text(row, "description"),
        Json.readLabels(Rows.text(row, "labels")),
        ProjectLifecycle.valueOf(Rows.text(row, "lifecycle")),
        Rows.time(row, "created_at"),
        Rows.time(row, "updated_at"));
  }
}
