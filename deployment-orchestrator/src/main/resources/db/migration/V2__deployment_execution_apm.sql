-- What execution needs to survive a restart: the version to roll back to, who owns the deployment now (a lease
-- that runs out, so a dead instance's deployments are taken over), and what was asked of it while it ran.
alter table deployment
    add column previous_version        text,
    add column owner                   text,
    add column lease_until             timestamptz,
    -- false while the deployment still needs an owner to act; FAILED before anything was rolled out is concluded
    add column concluded               boolean not null default false,
    add column rollout_started         boolean not null default false,
    add column abort_requested         boolean not null default false,
    add column rollback_requested      boolean not null default false,
    add column idempotency_key         text,
    add column override_expires_at     timestamptz,
    add column verification_started_at timestamptz,
    add column detail                  text;

-- one deployment in flight per service and environment: a second request loses the insert race and gets a 409
create unique index deployment_one_active on deployment (service, environment) where not concluded;
create unique index deployment_idempotency on deployment (requested_by, idempotency_key) where idempotency_key is not null;
create index deployment_claimable on deployment (lease_until nulls first) where not concluded;

-- every phase change, in order, with who and why; also the outbox of ops.deployments.v1 (published = on the topic)
create table deployment_phase (
    id            bigserial primary key,
    deployment_id uuid        not null references deployment (id),
    phase         text        not null,
    at            timestamptz not null,
    actor         text        not null,
    detail        text,
    event_id      uuid        not null unique,
    published     boolean     not null default false
);
create index deployment_phase_by_deployment on deployment_phase (deployment_id, id);
create index deployment_phase_unpublished on deployment_phase (id) where not published;

-- closed APM windows from ops.apm.windows.v1: the baseline before a deployment and what it is verified against
create table apm_window (
    series_key   text             not null,
    window_start timestamptz      not null,
    window_end   timestamptz      not null,
    service      text             not null,
    environment  text             not null,
    region       text             not null,
    requests     bigint           not null,
    errors       bigint           not null,
    max_ms       double precision not null,
    event_id     uuid             not null,
    primary key (series_key, window_start)
);
create index apm_window_by_service on apm_window (service, environment, region, window_end);
