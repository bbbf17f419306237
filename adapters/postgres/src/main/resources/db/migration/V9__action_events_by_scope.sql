-- The history of every run of a project and domain, in order (the dashboards' event stream).
CREATE INDEX action_events_by_scope ON action_events (project, domain, seq);
