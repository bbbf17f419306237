package io.aloft.adapters.postgres.query;

import io.aloft.adapters.postgres.projection.Json;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.r2dbc.spi.Readable;
import java.util.EnumMap;
import java.util.Map;

/** Maps {@code actions} and {@code action_events} rows to the application's views. */
final class ActionRowMapper {

  static final String ACTION_COLUMNS =
      "project, domain, run_name, name, parent_name, action_type, task_project, task_domain,"
          + " task_name, task_version, task_type, task_short_name, environment, action_group,"
          + " input_uri, run_output_base, spec, run_spec, source, trigger_name, created_by, phase,"
          + " attempts, cache_status, error::text AS error, abort_reason, output_uri, created_at,"
          + " started_at, updated_at, ended_at, duration_ms, children_phase_counts, last_position, version";

  static final String EVENT_COLUMNS =
      "seq, stream_sequence, project, domain, run_name, name, event_type, attempt, phase, version,"
          + " recorded_at, updated_time, reported_time, error::text AS error, logs::text AS logs,"
          + " output_uri, cache_status, cluster, actor, reason, report_uri";

  private ActionRowMapper() {}

  static ActionView action(Readable row) {
    RunId run =
        RunId.of(Rows.text(row, "project"), Rows.text(row, "domain"), Rows.text(row, "run_name"));
    String parent = Rows.text(row, "parent_name");
    return new ActionView(
        new ActionId(run, Rows.text(row, "name")),
        parent == null ? null : new ActionId(run, parent),
        ActionType.valueOf(Rows.text(row, "action_type")),
        task(row),
        Rows.text(row, "action_group"),
        Rows.text(row, "input_uri"),
        Rows.text(row, "run_output_base"),
        Rows.bytes(row, "spec"),
        Rows.bytes(row, "run_spec"),
        Rows.text(row, "source"),
        Rows.text(row, "trigger_name"),
        Rows.text(row, "created_by"),
        ActionPhase.fromNumber(Rows.integer(row, "phase")),
        Rows.integer(row, "attempts"),
        CacheStatus.valueOf(Rows.text(row, "cache_status")),
        Json.readError(Rows.text(row, "error")),
        Rows.text(row, "abort_reason"),
        Rows.text(row, "output_uri"),
        Rows.time(row, "created_at"),
        Rows.time(row, "started_at"),
        Rows.time(row, "updated_at"),
        Rows.time(row, "ended_at"),
        Rows.optionalLong(row, "duration_ms"),
        counts(row.get("children_phase_counts", Integer[].class)),
        Rows.number(row, "last_position"),
        Rows.number(row, "version"));
  }

  static ActionEventView event(Readable row) {
    RunId run =
        RunId.of(Rows.text(row, "project"), Rows.text(row, "domain"), Rows.text(row, "run_name"));
    String cacheStatus = Rows.text(row, "cache_status");
    return new ActionEventView(
        Rows.number(row, "seq"),
        Rows.time(row, "recorded_at"),
        new ActionId(run, Rows.text(row, "name")),
        Rows.text(row, "event_type"),
        key(row),
        Rows.time(row, "updated_time"),
        Rows.time(row, "reported_time"),
        Json.readError(Rows.text(row, "error")),
        Json.readLogs(Rows.text(row, "logs")),
        Rows.text(row, "output_uri"),
        cacheStatus == null ? CacheStatus.UNSPECIFIED : CacheStatus.valueOf(cacheStatus),
        Rows.text(row, "cluster"),
        Rows.text(row, "actor"),
        Rows.text(row, "reason"),
        Rows.number(row, "stream_sequence"),
        Rows.text(row, "report_uri"));
  }

  private static EventKey key(Readable row) {
    Number attempt = row.get("attempt", Number.class);
    Number phase = row.get("phase", Number.class);
    if (attempt == null || phase == null) {
      return null;
    }
    return new EventKey(
        attempt.intValue(), ActionPhase.fromNumber(phase.intValue()), Rows.integer(row, "version"));
  }

  private static TaskRef task(Readable row) {
    String name = Rows.text(row, "task_name");
    if (name == null) {
      return null;
    }
    TaskId id =
        TaskId.of(
            Rows.text(row, "task_project"),
            Rows.text(row, "task_domain"),
            name,
            Rows.text(row, "task_version"));
    return new TaskRef(
        id,
        Rows.text(row, "task_type"),
        Rows.text(row, "task_short_name"),
        Rows.text(row, "environment"));
  }

  private static Map<ActionPhase, Integer> counts(Integer[] counts) {
    Map<ActionPhase, Integer> map = new EnumMap<>(ActionPhase.class);
    for (int phase = 0; counts != null && phase < counts.length; phase++) {
      if (counts[phase] != null && counts[phase] > 0) {
        map.put(ActionPhase.fromNumber(phase), counts[phase]);
      }
    }
    return map;
  }
}
