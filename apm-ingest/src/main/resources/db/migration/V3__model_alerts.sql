-- Which model conditions (drift, accuracy, segment bias) are firing, so each is told once when it begins and once
-- when it ends, across restarts.
create table model_alert (
    fingerprint text primary key,
    model_id    text        not null,
    condition   text        not null,
    since       timestamptz not null,
    summary     text        not null
);
