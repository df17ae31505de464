create table health_target (
    id               text primary key,
    url              text        not null,
    service          text        not null,
    region           text        not null,
    interval_seconds int         not null,
    timeout_ms       int         not null,
    expected_status  int,
    body_contains    text,
    auto_restart     boolean     not null default false,
    created_at       timestamptz not null,
    created_by       text        not null
);

-- the confirmed status of each target: changes only after N consecutive results agree
create table target_status (
    target_id        text primary key,
    service          text             not null,
    region           text             not null,
    source           text             not null,
    status           text             not null,
    candidate_status text             not null,
    candidate_streak int              not null,
    reasons          text[]           not null,
    response_time_ms double precision,
    checked_at       timestamptz      not null,
    changed_at       timestamptz      not null
);

create table health_check (
    event_id         uuid primary key,
    target_id        text             not null,
    service          text             not null,
    region           text             not null,
    source           text             not null,
    status           text             not null,
    reasons          text[]           not null,
    profile          text             not null,
    response_time_ms double precision,
    checked_at       timestamptz      not null
);
create index health_check_by_target on health_check (target_id, checked_at desc);
create index health_check_by_time on health_check (checked_at);
