-- One table of firing conditions for every alert apm-ingest raises (model drift, SLA burn rates), by fingerprint.
alter table model_alert rename to apm_alert_state;
alter table apm_alert_state rename column model_id to subject;
alter table apm_alert_state rename column condition to name;
