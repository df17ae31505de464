-- Only scheduled weddings count; the protection horizon reads them by date.
create index wedding_scheduled_by_date on wedding (date) where status = 'SCHEDULED';

-- An emergency declared by an ADMIN for one region (level EMERGENCY, deployments frozen, replicas floor raised).
-- A row is the emergency in force; deactivating deletes it, the audit log keeps the history.
create table emergency (
    region      text primary key,
    reason      text        not null check (btrim(reason) <> ''),
    declared_by text        not null,
    since       timestamptz not null
);

-- Every scaling decision, automatic or manual, applied or dry-run, as published on ops.scaling.v1.
create table scaling_decision (
    id            uuid primary key,
    decided_at    timestamptz not null,
    service       text        not null,
    region        text        not null,
    from_replicas int         not null,
    to_replicas   int         not null,
    level         text        not null,
    reason        text        not null,
    inputs        jsonb       not null,
    decided_by    text        not null,
    applied       boolean     not null,
    outcome       text        not null
);
create index scaling_decision_by_service on scaling_decision (service, decided_at desc);

-- A person's replica count for a service, which the automatic decisions leave alone until it expires.
create table manual_override (
    service    text primary key,
    replicas   int         not null check (replicas >= 0),
    until      timestamptz not null,
    decided_by text        not null,
    reason     text        not null
);

-- Exactly one planner instance acts at a time: the holder of a lease row that it renews before it runs out.
create table planner_lease (
    name   text primary key,
    holder text        not null,
    until  timestamptz not null
);

-- Closed 1-minute APM windows, kept a short while: they make each window count once (replays change nothing) and
-- give the throughput seen lately. apm_hourly keeps requests per hour for the forecast.
create table apm_minute (
    series_key   text        not null,
    window_start timestamptz not null,
    service      text        not null,
    region       text        not null,
    requests     bigint      not null,
    errors       bigint      not null,
    primary key (series_key, window_start)
);
create index apm_minute_by_service on apm_minute (service, region, window_start);

create table apm_hourly (
    service    text        not null,
    region     text        not null,
    hour_start timestamptz not null,
    requests   bigint      not null,
    errors     bigint      not null,
    primary key (service, region, hour_start)
);

-- The latest phase of every deployment, from ops.deployments.v1: one still in flight inside a wedding window is a risk.
create table deployment_status (
    deployment_id text primary key,
    service       text        not null,
    environment   text        not null,
    region        text        not null,
    version       text        not null,
    phase         text        not null,
    emergency     boolean     not null,
    updated_at    timestamptz not null,
    event_id      uuid        not null
);
create index deployment_status_by_region on deployment_status (region, updated_at desc);
