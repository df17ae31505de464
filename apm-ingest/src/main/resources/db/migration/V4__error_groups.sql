-- Failed samples grouped by what failed: kind + operation + error type. Kept 30 days after they were last seen.
create table apm_error_group (
    fingerprint text primary key,
    kind        text        not null,
    service     text        not null,
    operation   text        not null,
    error_type  text        not null,
    count       bigint      not null,
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    last_status integer
);
create index apm_error_group_by_last_seen on apm_error_group (last_seen desc);

-- The next offset of each partition a consumer has counted, written in the same transaction as its counts: a
-- redelivered batch is recognised and counted once.
create table apm_consumed_offset (
    consumer    text    not null,
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null,
    primary key (consumer, topic, partition)
);
