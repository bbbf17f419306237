package io.aloft.adapters.postgres.projection;

import io.aloft.domain.project.ProjectCreated;
import io.aloft.domain.project.ProjectUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Maintains the {@code projects} read model in the command's transaction. Idempotent: a row
 * remembers the aggregate sequence number it last applied ({@code last_position} here).
 */
@ProcessingGroup(ProjectionGroups.CATALOG)
public class ProjectProjection {

  private static final String INSERT =
      """
      INSERT INTO projects (name, display_name, description, labels, lifecycle,
          created_at, updated_at, last_position)
      VALUES (:name, :displayName, :description, CAST(:labels AS jsonb), :lifecycle,
          :at, :at, :position)
      ON CONFLICT DO NOTHING
      """;

  private static final String UPDATE =
      """
      UPDATE projects SET display_name = :displayName, description = :description,
          labels = CAST(:labels AS jsonb), lifecycle = :lifecycle, updated_at = :at,
          last_position = :position
      WHERE name = :name AND last_position < :position
      """;

  private final NamedParameterJdbcTemplate jdbc;

  public ProjectProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(ProjectCreated event, @SequenceNumber long sequence) {
    jdbc.update(
        INSERT,
        new Params()
            .text("name", event.projectId().name())
            .text("displayName", event.displayName())
            .text("description", event.description())
            .json("labels", Json.labels(event.labels()))
            .text("lifecycle", "ACTIVE")
            .time("at", event.createdAt())
            .number("position", sequence)
            .source());
  }

  @EventHandler
  void on(ProjectUpdated event, @SequenceNumber long sequence) {
    jdbc.update(
        UPDATE,
        new Params()
            .text("name", event.projectId().name())
            .text("displayName", event.displayName())
            .text("description", event.description())
            .json("labels", Json.labels(event.labels()))
            .text("lifecycle", event.lifecycle().name())
            .time("at", event.updatedAt())
            .number("position", sequence)
            .source());
  }
}
