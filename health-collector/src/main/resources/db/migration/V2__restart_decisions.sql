-- every restart decision, taken or refused, with who decided and why
create table restart_decision (
    id             uuid primary key,
    target_id      text        not null,
    source         text        not null,
    decided_at     timestamptz not null,
    decided_by     text        not null,
    restart        boolean     not null,
    reason         text        not null,
    outcome        text        not null,
    request_reason text
);
create index restart_decision_by_target on restart_decision (target_id, decided_at desc);
