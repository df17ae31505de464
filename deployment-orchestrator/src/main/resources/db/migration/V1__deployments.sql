-- Every deployment request and the phase it has reached (phases as in DeploymentPhase.avsc).
create table deployment (
    id           uuid primary key,
    service      text        not null,
    environment  text        not null,
    region       text        not null,
    version      text        not null,
    phase        text        not null check (phase in ('REQUESTED', 'BLOCKED', 'MIGRATING', 'ROLLING_OUT', 'VERIFYING',
                                                       'SUCCEEDED', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK', 'ABORTED',
                                                       'ROLLBACK_FAILED')),
    requested_by text        not null,
    reason       text,
    emergency    boolean     not null default false,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    -- an emergency deployment overrides a freeze, which only an ADMIN may do with a written reason
    constraint emergency_deployment_has_reason check (not emergency or coalesce(btrim(reason), '') <> '')
);
create index deployment_by_target on deployment (service, environment, region, created_at desc);
