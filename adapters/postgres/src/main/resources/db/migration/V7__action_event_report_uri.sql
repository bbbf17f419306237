-- Where an attempt's HTML report is, as the executor or SDK reported it (ActionEvent
-- outputs.report_uri); DataProxyService.CreateDownloadLink signs it. Events recorded before this
-- column existed have none.
ALTER TABLE action_events ADD COLUMN report_uri TEXT;
