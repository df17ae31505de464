create table alert (
    fingerprint     text primary key,
    name            text        not null,
    severity        text        not null,
    service         text        not null,
    region          text,
    summary         text        not null,
    description     text,
    source          text        not null,
    profile         text        not null,
    runbook_url     text,
    labels          jsonb       not null,
    state           text        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz,
    acknowledged_by text,
    acknowledged_at timestamptz,
    last_event_at   timestamptz not null,
    updated_at      timestamptz not null
);
create index alert_by_state on alert (state, updated_at desc);

-- consumed event ids: a redelivered event changes nothing
create table processed_event (
    event_id     text primary key,
    processed_at timestamptz not null
);

-- the transactional outbox and the delivery history in one: a row is written in the same transaction as the
-- alert change that causes it, and the dispatcher delivers it even if the service died in between
create table notification (
    id              bigserial primary key,
    delivery_key    text        not null unique,
    fingerprint     text        not null,
    alert_name      text        not null,
    receiver        text        not null,
    channel         text        not null,
    kind            text        not null,
    payload         jsonb       not null,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_alert on notification (fingerprint, id);
