package io.aloft.adapters.postgres.projection;

import io.aloft.domain.task.TaskDeployed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Maintains the {@code tasks} read model. A version is immutable, so inserts are idempotent. */
@ProcessingGroup(ProjectionGroups.CATALOG)
public class TaskProjection {

  private static final String INSERT =
      """
      INSERT INTO tasks (project, domain, name, version, task_type, short_name, environment,
          spec_digest, spec, deployed_by, deployed_at)
      VALUES (:project, :domain, :name, :version, :taskType, :shortName, :environment,
          :specDigest, :spec, :deployedBy, :deployedAt)
      ON CONFLICT DO NOTHING
      """;

  private final NamedParameterJdbcTemplate jdbc;

  public TaskProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(TaskDeployed event) {
    var id = event.taskId();
    jdbc.update(
        INSERT,
        new Params()
            .text("project", id.scope().project().name())
            .text("domain", id.scope().domain().name())
            .text("name", id.name())
            .text("version", id.version())
            .text("taskType", event.taskType())
            .text("shortName", event.shortName())
            .text("environment", event.environment())
            .text("specDigest", event.specDigest())
            .bytes("spec", event.spec())
            .text("deployedBy", event.deployedBy())
            .time("deployedAt", event.deployedAt())
            .source());
  }
}
