package io.aloft.adapters.postgres.execution;

import io.aloft.adapters.postgres.projection.Json;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.support.Bytes;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The {@code task_actions} row shape: the columns a statement returns, how a row becomes a {@link
 * TaskAction}, and how a spec and a status are bound. Maps and log lists are JSONB written by the
 * projections' {@link Json} helpers (explicit field names, so a record rename never changes what is
 * stored); the error is five plain columns.
 */
final class TaskActionRows {

  /** Every column, JSONB read back as text; usable after SELECT and after RETURNING. */
  static final String COLUMNS =
      "project, domain, run_name, name, parent_name, action_type, input_uri, run_output_base,"
          + " task_type, short_name, spec, cache_key, action_group, env_vars::text AS env_vars,"
          + " created_at, phase, reason, message, attempts, system_failures, finalizer,"
          + " plugin_state, event_version, error_code, error_message, error_kind, error_uri,"
          + " error_timestamp, cache_status, attempt_started_at, updated_at, signal,"
          + " logs::text AS logs, output_uri, report_uri, deletion_requested_at, deletion_reason,"
          + " resource_version, raw_data_prefix";

  /** The key predicate; bind with {@link #bindKey}. */
  static final String KEY =
      "project = :project AND domain = :domain AND run_name = :run AND name = :name";

  /** The status columns as an UPDATE's SET list; bind with {@link #bindStatus}. */
  static final String SET_STATUS =
      "phase = :phase, reason = :reason, message = :message, attempts = :attempts,"
          + " system_failures = :systemFailures, finalizer = :finalizer,"
          + " plugin_state = :pluginState, event_version = :eventVersion,"
          + " error_code = :errorCode, error_message = :errorMessage, error_kind = :errorKind,"
          + " error_uri = :errorUri, error_timestamp = :errorTimestamp,"
          + " cache_status = :cacheStatus, attempt_started_at = :attemptStartedAt,"
          + " updated_at = :updatedAt, signal = :signal, logs = CAST(:logs AS jsonb),"
          + " output_uri = :outputUri, report_uri = :reportUri";

  /** A new row: spec, initial status, version 1, not marked for deletion. */
  static final String INSERT =
      "INSERT INTO task_actions (project, domain, run_name, name, parent_name, action_type,"
          + " input_uri, run_output_base, task_type, short_name, spec, cache_key, action_group,"
          + " env_vars, created_at, phase, reason, message, attempts, system_failures, finalizer,"
          + " plugin_state, event_version, error_code, error_message, error_kind, error_uri,"
          + " error_timestamp, cache_status, attempt_started_at, updated_at, signal, logs,"
          + " output_uri, report_uri, resource_version, raw_data_prefix) VALUES (:project, :domain,"
          + " :run, :name, :parentName,"
          + " :actionType, :inputUri, :runOutputBase, :taskType, :shortName, :spec, :cacheKey,"
          + " :group, CAST(:envVars AS jsonb), :createdAt, :phase, :reason, :message, :attempts,"
          + " :systemFailures, :finalizer, :pluginState, :eventVersion, :errorCode,"
          + " :errorMessage, :errorKind, :errorUri, :errorTimestamp, :cacheStatus,"
          + " :attemptStartedAt, :updatedAt, :signal, CAST(:logs AS jsonb), :outputUri, :reportUri, 1,"
          + " :rawDataPrefix)"
          + " ON CONFLICT (project, domain, run_name, name) DO NOTHING RETURNING "
          + COLUMNS;

  private TaskActionRows() {}

  static TaskAction read(Readable row) {
    RunId run = RunId.of(text(row, "project"), text(row, "domain"), text(row, "run_name"));
    String parent = text(row, "parent_name");
    TaskActionSpec spec =
        new TaskActionSpec(
            new ActionId(run, text(row, "name")),
            parent == null ? null : new ActionId(run, parent),
            ActionType.valueOf(text(row, "action_type")),
            text(row, "input_uri"),
            text(row, "run_output_base"),
            text(row, "task_type"),
            text(row, "short_name"),
            Bytes.of(row.get("spec", byte[].class)),
            text(row, "cache_key"),
            text(row, "action_group"),
            Json.readLabels(text(row, "env_vars")),
            time(row, "created_at"),
            text(row, "raw_data_prefix"));
    byte[] signal = row.get("signal", byte[].class);
    TaskActionStatus status =
        new TaskActionStatus(
            ActionPhase.fromNumber(number(row, "phase").intValue()),
            ExecutionReason.valueOf(text(row, "reason")),
            text(row, "message"),
            number(row, "attempts").intValue(),
            number(row, "system_failures").intValue(),
            Boolean.TRUE.equals(row.get("finalizer", Boolean.class)),
            Bytes.of(row.get("plugin_state", byte[].class)),
            number(row, "event_version").longValue(),
            error(row),
            CacheStatus.valueOf(text(row, "cache_status")),
            time(row, "attempt_started_at"),
            time(row, "updated_at"),
            signal == null ? null : Bytes.of(signal),
            Json.readLogs(text(row, "logs")),
            text(row, "output_uri"),
            text(row, "report_uri"));
    return new TaskAction(
        spec,
        status,
        time(row, "deletion_requested_at"),
        text(row, "deletion_reason"),
        number(row, "resource_version").longValue());
  }

  static GenericExecuteSpec bindKey(GenericExecuteSpec statement, ActionId action) {
    return statement
        .bind("project", action.run().scope().project().name())
        .bind("domain", action.run().scope().domain().name())
        .bind("run", action.run().name())
        .bind("name", action.name());
  }

  static GenericExecuteSpec bindSpec(GenericExecuteSpec statement, TaskActionSpec spec) {
    GenericExecuteSpec s = bindKey(statement, spec.action());
    s = bind(s, "parentName", spec.parent() == null ? null : spec.parent().name(), String.class);
    s = s.bind("actionType", spec.type().name());
    s = bind(s, "inputUri", spec.inputUri(), String.class);
    s = bind(s, "runOutputBase", spec.runOutputBase(), String.class);
    s = bind(s, "taskType", spec.taskType(), String.class);
    s = bind(s, "shortName", spec.shortName(), String.class);
    s = s.bind("spec", spec.spec().toArray());
    s = bind(s, "cacheKey", spec.cacheKey(), String.class);
    s = bind(s, "group", spec.group(), String.class);
    s = s.bind("envVars", Json.labels(spec.envVars()));
    s = bind(s, "rawDataPrefix", spec.rawDataPrefix(), String.class);
    return s.bind("createdAt", utc(spec.createdAt()));
  }

  static GenericExecuteSpec bindStatus(GenericExecuteSpec statement, TaskActionStatus status) {
    ExecutionError error = status.error();
    GenericExecuteSpec s = statement.bind("phase", (short) status.phase().number());
    s = s.bind("reason", status.reason().name());
    s = bind(s, "message", status.message(), String.class);
    s = s.bind("attempts", status.attempts());
    s = s.bind("systemFailures", status.systemFailures());
    s = s.bind("finalizer", status.finalizer());
    s = s.bind("pluginState", status.pluginState().toArray());
    s = s.bind("eventVersion", status.eventVersion());
    s = bind(s, "errorCode", error == null ? null : error.code(), String.class);
    s = bind(s, "errorMessage", error == null ? null : error.message(), String.class);
    s = bind(s, "errorKind", error == null ? null : error.kind().name(), String.class);
    s = bind(s, "errorUri", error == null ? null : error.errorUri(), String.class);
    s =
        bind(
            s,
            "errorTimestamp",
            error == null ? null : utc(error.timestamp()),
            OffsetDateTime.class);
    s = s.bind("cacheStatus", status.cacheStatus().name());
    s = bind(s, "attemptStartedAt", utc(status.attemptStartedAt()), OffsetDateTime.class);
    s = s.bind("updatedAt", utc(status.updatedAt()));
    s = bind(s, "signal", status.signal() == null ? null : status.signal().toArray(), byte[].class);
    s = s.bind("logs", Json.logs(status.logs()));
    s = bind(s, "outputUri", status.outputUri(), String.class);
    return bind(s, "reportUri", status.reportUri(), String.class);
  }

  static OffsetDateTime utc(Instant time) {
    return time == null ? null : OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
  }

  private static ExecutionError error(Readable row) {
    String kind = text(row, "error_kind");
    if (kind == null) {
      return null;
    }
    return new ExecutionError(
        text(row, "error_code"),
        text(row, "error_message"),
        ErrorKind.valueOf(kind),
        text(row, "error_uri"),
        time(row, "error_timestamp"));
  }

  private static <T> GenericExecuteSpec bind(
      GenericExecuteSpec statement, String name, T value, Class<T> type) {
    return value == null ? statement.bindNull(name, type) : statement.bind(name, value);
  }

  private static String text(Readable row, String column) {
    return row.get(column, String.class);
  }

  private static Number number(Readable row, String column) {
    return row.get(column, Number.class);
  }

  private static Instant time(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
