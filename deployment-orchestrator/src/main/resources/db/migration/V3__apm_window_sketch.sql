-- the window's DDSketch of durations (ApmWindow.sketch), so verification judges the merged p95, not the slowest request
alter table apm_window add column sketch_type text;
alter table apm_window add column sketch bytea;
