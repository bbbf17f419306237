-- Read models maintained by the projection processors. An action row remembers the sequence
-- number (within its own event stream) of the last event it applied, which makes every handler
-- idempotent whatever order concurrent transactions commit in.

-- Numbers every projection write in the order the projection makes them. Global positions can
-- commit out of order (Axon fills the gaps later); these never do, so followers page by them.
CREATE SEQUENCE aloft_projection_seq;

CREATE TABLE projects (
    name          TEXT        NOT NULL PRIMARY KEY,
    display_name  TEXT        NOT NULL,
    description   TEXT        NOT NULL,
    labels        JSONB       NOT NULL DEFAULT '{}',
    lifecycle     TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    last_position BIGINT      NOT NULL
);

CREATE TABLE tasks (
    project     TEXT        NOT NULL,
    domain      TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    version     TEXT        NOT NULL,
    task_type   TEXT        NOT NULL,
    short_name  TEXT        NOT NULL,
    environment TEXT,
    spec_digest TEXT        NOT NULL,
    spec        BYTEA       NOT NULL,
    deployed_by TEXT,
    deployed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project, domain, name, version)
);
CREATE INDEX tasks_by_name ON tasks (project, domain, name, deployed_at DESC);

CREATE TABLE actions (
    project               TEXT        NOT NULL,
    domain                TEXT        NOT NULL,
    run_name              TEXT        NOT NULL,
    name                  TEXT        NOT NULL,
    parent_name           TEXT,
    action_type           TEXT        NOT NULL,
    task_project          TEXT,
    task_domain           TEXT,
    task_name             TEXT,
    task_version          TEXT,
    task_type             TEXT,
    task_short_name       TEXT,
    environment           TEXT,
    action_group          TEXT,
    input_uri             TEXT        NOT NULL,
    run_output_base       TEXT        NOT NULL,
    spec                  BYTEA,
    run_spec              BYTEA,
    source                TEXT,
    trigger_name          TEXT,
    created_by            TEXT,
    phase                 SMALLINT    NOT NULL DEFAULT 1,
    attempts              INTEGER     NOT NULL DEFAULT 1,
    cache_status          TEXT        NOT NULL DEFAULT 'UNSPECIFIED',
    error                 JSONB,
    abort_reason          TEXT,
    output_uri            TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    started_at            TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL,
    ended_at              TIMESTAMPTZ,
    duration_ms           BIGINT,
    children_phase_counts INTEGER[]   NOT NULL DEFAULT '{0,0,0,0,0,0,0,0,0,0,0}',
    last_sequence         BIGINT      NOT NULL,
    last_position         BIGINT      NOT NULL,
    version               BIGINT      NOT NULL DEFAULT nextval('aloft_projection_seq'),
    PRIMARY KEY (project, domain, run_name, name)
);
CREATE INDEX actions_runs ON actions (project, domain, phase, created_at DESC, run_name DESC)
    WHERE parent_name IS NULL;
CREATE INDEX actions_by_parent ON actions (project, domain, run_name, parent_name);
CREATE INDEX actions_by_run_created ON actions (project, domain, run_name, created_at, name);
CREATE INDEX actions_by_version ON actions (version);

-- The raw history. seq is its public position (ListActionEvents tokens, WatchActionEvents
-- cursors): the order the projection stored events in, which never goes back even when an event
-- with a lower global position commits late. global_position is the event store's, for reference.
CREATE TABLE action_events (
    project         TEXT        NOT NULL,
    domain          TEXT        NOT NULL,
    run_name        TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    stream_sequence BIGINT      NOT NULL,
    global_position BIGINT      NOT NULL,
    event_type    TEXT        NOT NULL,
    attempt       INTEGER,
    phase         SMALLINT,
    version       INTEGER,
    recorded_at   TIMESTAMPTZ NOT NULL,
    updated_time  TIMESTAMPTZ,
    reported_time TIMESTAMPTZ,
    error         JSONB,
    logs          JSONB       NOT NULL DEFAULT '[]',
    output_uri    TEXT,
    cache_status  TEXT,
    cluster       TEXT,
    actor         TEXT,
    reason        TEXT,
    seq           BIGINT      NOT NULL DEFAULT nextval('aloft_projection_seq') UNIQUE,
    PRIMARY KEY (project, domain, run_name, name, stream_sequence)
);
CREATE INDEX action_events_by_run ON action_events (project, domain, run_name, seq);
CREATE INDEX action_events_by_action ON action_events (project, domain, run_name, name, seq);
CREATE INDEX action_events_by_time ON action_events (recorded_at);

-- Moves one unit of a descendant count from one phase to another (from_phase -1: a new
-- descendant). One function because PostgreSQL refuses two assignments to one array column.
CREATE FUNCTION aloft_shift_count(counts INTEGER[], from_phase INTEGER, to_phase INTEGER)
    RETURNS INTEGER[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(
               CASE
                   WHEN i - 1 = from_phase AND i - 1 = to_phase THEN c
                   WHEN i - 1 = from_phase THEN c - 1
                   WHEN i - 1 = to_phase THEN c + 1
                   ELSE c
               END ORDER BY i)
    FROM unnest(counts) WITH ORDINALITY AS t(c, i)
$$;
