package io.aloft.adapters.postgres.projection;

/** The statements of the action projection, kept apart so the handlers stay readable. */
final class ActionSql {

  private ActionSql() {}

  static final String KEY =
      " project = :project AND domain = :domain AND run_name = :run AND name = :name ";

  static final String INSERT_ACTION =
      """
      INSERT INTO actions (project, domain, run_name, name, parent_name, action_type,
          task_project, task_domain, task_name, task_version, task_type, task_short_name,
          environment, action_group, input_uri, run_output_base, spec, run_spec, source,
          trigger_name, created_by, phase, attempts, created_at, updated_at, last_sequence,
          last_position)
      VALUES (:project, :domain, :run, :name, :parent, :type,
          :taskProject, :taskDomain, :taskName, :taskVersion, :taskType, :taskShortName,
          :environment, :group, :inputUri, :runOutputBase, :spec, :runSpec, :source,
          :triggerName, :createdBy, 1, 1, :createdAt, :createdAt, :sequence, :position)
      ON CONFLICT DO NOTHING""";

  static final String APPLY_EVENT =
      """
      UPDATE actions SET
          phase = :phase,
          attempts = :attempt,
          cache_status = :cacheStatus,
          error = CAST(:error AS jsonb),
          output_uri = COALESCE(:outputUri, output_uri),
          started_at = CASE WHEN :phase > 1 THEN COALESCE(started_at, :updatedTime)
                            ELSE started_at END,
          ended_at = CASE WHEN :terminal THEN GREATEST(:updatedTime, created_at) ELSE NULL END,
          duration_ms = CASE WHEN :terminal THEN CAST(1000 * EXTRACT(EPOCH FROM
              GREATEST(:updatedTime, created_at) - COALESCE(started_at, :updatedTime, created_at))
              AS BIGINT) ELSE NULL END,
          updated_at = :updatedTime,
          last_sequence = :sequence,
          last_position = GREATEST(last_position, :position),
          version = nextval('aloft_projection_seq')
      WHERE"""
          + KEY
          + "AND last_sequence < :sequence";

  static final String APPLY_ABORT =
      """
      UPDATE actions SET
          phase = 7,
          abort_reason = :reason,
          ended_at = GREATEST(:at, created_at),
          duration_ms = CAST(1000 * EXTRACT(EPOCH FROM
              GREATEST(:at, created_at) - COALESCE(started_at, created_at)) AS BIGINT),
          updated_at = :at,
          last_sequence = :sequence,
          last_position = GREATEST(last_position, :position),
          version = nextval('aloft_projection_seq')
      WHERE"""
          + KEY
          + "AND last_sequence < :sequence";

  /**
   * The whole effect of one event in one statement, so events can be sent to the database in
   * batches: the action's own row change (which carries the idempotency guard), then, only if that
   * row changed, the descendant counts of every ancestor and the history entry.
   */
  private static String applyOnce(String rowChange) {
    return "WITH RECURSIVE changed AS ("
        + rowChange
        + " RETURNING parent_name), "
        + ANCESTORS
        + ", "
        + SHIFTED
        + " "
        + HISTORY;
  }

  // Both steps look ancestors up one by one on the primary key. Written as a join (or as an
  // UPDATE ... FROM ancestors), the planner cannot estimate the recursive work table and may pick a
  // hash join over a sequential scan of every action: thousands of row reads per event in a
  // fan-out.
  private static final String ANCESTORS =
      """
      ancestors(name) AS (
          SELECT parent_name FROM changed WHERE parent_name IS NOT NULL
        UNION
          SELECT up.parent_name FROM ancestors x CROSS JOIN LATERAL (
              SELECT a.parent_name FROM actions a
              WHERE a.project = :project AND a.domain = :domain AND a.run_name = :run
                AND a.name = x.name) up
          WHERE up.parent_name IS NOT NULL)""";

  // Only recorded here; ProjectionBatch applies the sum per ancestor once per batch (V5).
  private static final String SHIFTED =
      """
      shifted AS (
          INSERT INTO action_count_shifts
              (project, domain, run_name, name, from_phase, to_phase, position)
          SELECT :project, :domain, :run, name, :fromPhase, :toPhase, :position
          FROM ancestors WHERE :fromPhase <> :toPhase)""";

  private static final String HISTORY =
      """
      INSERT INTO action_events (project, domain, run_name, name, stream_sequence,
          global_position, event_type,
          attempt, phase, version, recorded_at, updated_time, reported_time, error, logs,
          output_uri, cache_status, cluster, actor, reason, report_uri)
      SELECT :project, :domain, :run, :name, :sequence, :position, :eventType,
          :attempt, :phase, :version, :recordedAt, :updatedTime, :reportedTime,
          CAST(:error AS jsonb), CAST(:logs AS jsonb),
          :outputUri, :cacheStatus, :cluster, :actor, :reason, :reportUri
      FROM changed
      ON CONFLICT DO NOTHING""";

  /** The batch's recorded count shifts, taken out of the table and summed per ancestor. */
  static final String TAKE_SHIFTS =
      """
      WITH moved AS (DELETE FROM action_count_shifts RETURNING *),
      steps AS (
          SELECT project, domain, run_name, name, position, from_phase AS phase, -1 AS step
          FROM moved
        UNION ALL
          SELECT project, domain, run_name, name, position, to_phase, 1 FROM moved)
      SELECT project, domain, run_name, name, phase, SUM(step) AS delta,
          MAX(position) AS position
      FROM steps GROUP BY project, domain, run_name, name, phase""";

  /** One ancestor's summed shifts; {@code delta} is an INTEGER[] literal, one slot per phase. */
  static final String APPLY_SHIFTS =
      "UPDATE actions SET"
          + " children_phase_counts ="
          + " aloft_add_counts(children_phase_counts, CAST(:delta AS INTEGER[])),"
          + " last_position = GREATEST(last_position, :position),"
          + " version = nextval('aloft_projection_seq')"
          + " WHERE"
          + KEY;

  /** Where a batch starts: every row it changes gets a higher version. */
  static final String LAST_VERSION = "SELECT COALESCE(MAX(version), 0) FROM actions";

  /**
   * Bounded on both sides on purpose: after five executions the JDBC driver's prepared statement
   * may get PostgreSQL's generic plan, which assumes a third of the table matches a lone {@code >}
   * and scans every action; a two-sided range is assumed selective, so the version index is used.
   * Bind the upper bound as {@link Long#MAX_VALUE}.
   */
  static final String CHANGED_SINCE =
      "SELECT project, domain, run_name, name, version FROM actions"
          + " WHERE version > ? AND version <= ?";

  static final String CREATED = applyOnce(INSERT_ACTION);
  static final String RECORDED = applyOnce(APPLY_EVENT);
  static final String ABORTED = applyOnce(APPLY_ABORT);
}
