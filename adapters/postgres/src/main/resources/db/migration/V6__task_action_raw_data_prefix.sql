-- The run's raw data prefix (RunSpec raw_data_storage.raw_data_prefix, else the configured
-- default), copied into each TaskAction at creation like its environment. NULL: the attempt's raw
-- data goes below its output prefix, as before this column existed.
ALTER TABLE task_actions ADD COLUMN raw_data_prefix TEXT;
