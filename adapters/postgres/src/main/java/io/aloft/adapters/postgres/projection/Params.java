package io.aloft.adapters.postgres.projection;

import io.aloft.domain.id.ActionId;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Typed SQL parameters. Nulls need an explicit SQL type, or PostgreSQL cannot infer the parameter's
 * type ("could not determine data type of parameter").
 */
final class Params {

  private final MapSqlParameterSource source = new MapSqlParameterSource();

  /**
   * @param sequence the event's number within the action's own stream: the idempotency guard
   * @param position the event store's global position: kept for reference only, since events can
   *     commit (and so arrive here) out of global order
   */
  static Params forAction(ActionId id, long sequence, long position) {
    return new Params()
        .text("project", id.run().scope().project().name())
        .text("domain", id.run().scope().domain().name())
        .text("run", id.run().name())
        .text("name", id.name())
        .number("sequence", sequence)
        .number("position", position);
  }

  Params text(String name, String value) {
    source.addValue(name, value, Types.VARCHAR);
    return this;
  }

  Params json(String name, String value) {
    source.addValue(name, value, Types.VARCHAR);
    return this;
  }

  Params bytes(String name, byte[] value) {
    source.addValue(name, value, Types.BINARY);
    return this;
  }

  Params number(String name, long value) {
    source.addValue(name, value, Types.BIGINT);
    return this;
  }

  Params integer(String name, Integer value) {
    source.addValue(name, value, Types.INTEGER);
    return this;
  }

  Params flag(String name, boolean value) {
    source.addValue(name, value, Types.BOOLEAN);
    return this;
  }

  Params time(String name, Instant value) {
    OffsetDateTime time = value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
    source.addValue(name, time, Types.TIMESTAMP_WITH_TIMEZONE);
    return this;
  }

  MapSqlParameterSource source() {
    return source;
  }
}
