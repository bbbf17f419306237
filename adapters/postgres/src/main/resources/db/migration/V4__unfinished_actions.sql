-- The executor's recovery after a restart reads every action not yet finished (ActionQueries.unfinished).
CREATE INDEX actions_unfinished ON actions (created_at, project, domain, run_name, name)
    WHERE phase NOT IN (5, 6, 7, 8, 10);
