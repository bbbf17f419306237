-- The descendant-phase counts of ancestors are no longer updated once per event: each event's
-- statement records its shift here, and the projection batch applies the sum per ancestor once,
-- just before it commits (ProjectionBatch). In a fan-out every child event used to rewrite the
-- root's row (never a HOT update, since its version is indexed), leaving one dead row version
-- and index entries per event; now it is one version per batch.
-- Unlogged: a batch always empties what it wrote before committing, so there is nothing to keep.
CREATE UNLOGGED TABLE action_count_shifts (
    project    TEXT    NOT NULL,
    domain     TEXT    NOT NULL,
    run_name   TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    from_phase INTEGER NOT NULL,
    to_phase   INTEGER NOT NULL,
    position   BIGINT  NOT NULL
);

-- counts + delta, element by element (both have one slot per phase).
CREATE FUNCTION aloft_add_counts(counts INTEGER[], delta INTEGER[])
    RETURNS INTEGER[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(c + COALESCE(delta[i], 0) ORDER BY i)
    FROM unnest(counts) WITH ORDINALITY AS t(c, i)
$$;
