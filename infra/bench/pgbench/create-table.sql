-- A scratch copy of Axon's domainevententry (adapters/postgres V1__axon_event_store.sql):
-- same columns, types, keys and unique constraints, so pgbench inserts the same row shape.
DROP TABLE IF EXISTS bench_events;
CREATE TABLE bench_events (
    globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    UNIQUE (aggregateidentifier, sequencenumber)
);
