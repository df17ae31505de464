-- a silence may recur weekly within its start and end: {"weekdays": [...], "startTime": "HH:mm", "endTime": "HH:mm", "timeZone": "…"}
alter table silence add column recurrence jsonb;
