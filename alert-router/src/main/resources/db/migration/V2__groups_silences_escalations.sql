-- Alertmanager-style groups: alerts routed to the same route with the same group_by values are notified together
create table alert_group (
    group_key      text primary key,
    route_id       text        not null,
    receiver       text        not null,
    fallback       text,
    labels         jsonb       not null,
    group_interval_ms bigint   not null,
    repeat_interval_ms bigint  not null,
    next_flush_at  timestamptz,
    last_flush_at  timestamptz,
    changed_at     timestamptz not null,
    flush_seq      int         not null default 0,
    claimed_until  timestamptz
);
create index alert_group_due on alert_group (next_flush_at) where next_flush_at is not null;

create table alert_group_member (
    group_key      text not null references alert_group (group_key) on delete cascade,
    fingerprint    text not null,
    notified_state text,
    primary key (group_key, fingerprint)
);
create index alert_group_member_by_alert on alert_group_member (fingerprint);

create table silence (
    id                uuid primary key,
    matchers          jsonb       not null,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    created_by        text        not null,
    comment           text        not null,
    expire_on_resolve boolean     not null default false,
    expired_at        timestamptz,
    created_at        timestamptz not null
);

create table escalation (
    fingerprint   text primary key,
    policy        text        not null,
    episode_start timestamptz not null,
    step          int         not null,
    wedding_day   boolean     not null,
    next_at       timestamptz,
    claimed_until timestamptz
);
create index escalation_due on escalation (next_at) where next_at is not null;

-- which alerts a notification was about, for an alert's delivery history
create table notification_alert (
    notification_id bigint not null references notification (id) on delete cascade,
    fingerprint     text   not null,
    primary key (notification_id, fingerprint)
);
create index notification_alert_by_alert on notification_alert (fingerprint);

alter table notification rename column payload to content;
alter table notification rename column fingerprint to subject;
alter table notification rename column receiver to integration;
alter table notification add column fallback text;
drop index notification_by_alert;
