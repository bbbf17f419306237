-- Where a succeeded attempt's HTML report is (the executor's plugin stored it beside outputs.pb);
-- kept with the TaskAction so that a SUCCEEDED event sent again after a restart still names it.
ALTER TABLE task_actions ADD COLUMN report_uri text;
