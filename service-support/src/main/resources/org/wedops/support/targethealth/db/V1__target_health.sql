-- The latest health check of every target, materialised from ops.health.v1 (LatestTargetHealth).
-- (checked_at, event_id) orders checks: an older or replayed check never replaces a newer one.
create table target_health (
    target_id  text primary key,
    service    text        not null,
    region     text        not null,
    status     text        not null,
    reasons    text[]      not null,
    checked_at timestamptz not null,
    event_id   uuid        not null
);
create index target_health_by_service on target_health (service, region);
