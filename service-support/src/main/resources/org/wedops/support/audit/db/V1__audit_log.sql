-- Who did what to which thing, when, why and with what outcome, refusals included (AuditLog; GET /api/audit).
create table audit_log (
    id      bigserial primary key,
    at      timestamptz not null,
    actor   text        not null,
    action  text        not null,
    target  text        not null,
    reason  text,
    outcome text        not null
);
create index audit_log_by_target on audit_log (target, at desc);
create index audit_log_by_time on audit_log (at desc);
