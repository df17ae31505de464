-- Every prediction of every AI model, with its outcome when known, from ops.apm.models.v1; drift and accuracy
-- are computed from it. Keyed by event id: a redelivered observation is stored once.
create table model_observation (
    event_id        uuid primary key,
    model_id        text             not null,
    model_version   text             not null,
    score           double precision not null,
    predicted_label text,
    actual_label    text,
    region          text,
    segments        jsonb            not null default '{}',
    observed_at     timestamptz      not null
);
create index model_observation_by_model on model_observation (model_id, model_version, observed_at);
