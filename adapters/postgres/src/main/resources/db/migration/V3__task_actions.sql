-- The embedded executor's TaskActions (PostgresTaskActionStore): the in-process counterpart of the
-- reference's TaskAction custom resource. The spec never changes after the insert; the status is
-- replaced by optimistic updates on resource_version; a row marked for deletion stays until its
-- finalizer is cleared. One manager owns these rows, so no change notification crosses processes.
CREATE TABLE task_actions (
    project               TEXT        NOT NULL,
    domain                TEXT        NOT NULL,
    run_name              TEXT        NOT NULL,
    name                  TEXT        NOT NULL,
    -- spec
    parent_name           TEXT,
    action_type           TEXT        NOT NULL,
    input_uri             TEXT,
    run_output_base       TEXT,
    task_type             TEXT,
    short_name            TEXT,
    spec                  BYTEA       NOT NULL,
    cache_key             TEXT,
    action_group          TEXT,
    env_vars              JSONB       NOT NULL DEFAULT '{}',
    created_at            TIMESTAMPTZ NOT NULL,
    -- status
    phase                 SMALLINT    NOT NULL,
    reason                TEXT        NOT NULL,
    message               TEXT,
    attempts              INTEGER     NOT NULL,
    system_failures       INTEGER     NOT NULL,
    finalizer             BOOLEAN     NOT NULL,
    plugin_state          BYTEA       NOT NULL,
    event_version         BIGINT      NOT NULL,
    error_code            TEXT,
    error_message         TEXT,
    error_kind            TEXT,
    error_uri             TEXT,
    error_timestamp       TIMESTAMPTZ,
    cache_status          TEXT        NOT NULL,
    attempt_started_at    TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL,
    signal                BYTEA,
    logs                  JSONB       NOT NULL DEFAULT '[]',
    output_uri            TEXT,
    -- deletion (abort) and concurrency
    deletion_requested_at TIMESTAMPTZ,
    deletion_reason       TEXT,
    resource_version      BIGINT      NOT NULL,
    PRIMARY KEY (project, domain, run_name, name),
    -- an error is all or nothing: kind, code and message are required together
    CHECK ((error_kind IS NULL) = (error_code IS NULL)
           AND (error_kind IS NULL) = (error_message IS NULL))
);

-- What a (re)starting controller scans (listActive): rows that are not terminal (SUCCEEDED 5,
-- FAILED 6, ABORTED 7, TIMED_OUT 8, RECOVERED 10) or are marked for deletion, in creation order.
-- The predicate must stay identical to PostgresTaskActionStore.ACTIVE so the planner uses it.
CREATE INDEX task_actions_active ON task_actions (created_at, project, domain, run_name, name)
    WHERE phase NOT IN (5, 6, 7, 8, 10) OR deletion_requested_at IS NOT NULL;
