-- Every protection window is computed in the region's local time.
create table region (
    id        text primary key,
    time_zone text not null
);
insert into region (id, time_zone) values
    ('uk', 'Europe/London'),
    ('us-east', 'America/New_York'),
    ('in', 'Asia/Kolkata');

-- Weight of a wedding's culture in the region's wedding load (Σ cultural factor × guest factor): data, not code.
create table culture_factor (
    culture text primary key,
    factor  numeric(4, 2) not null check (factor > 0)
);
insert into culture_factor (culture, factor) values
    ('INDIAN', 2.0),
    ('NIGERIAN', 1.8),
    ('CHINESE', 1.5),
    ('GREEK', 1.4),
    ('JEWISH', 1.3),
    ('BRITISH', 1.0),
    ('OTHER', 1.0);

-- The wedding calendar, materialised from ops.weddings.v1. Dates and times are local to time_zone.
-- (last_event_at, last_event_id) is the newest event applied: an older or replayed event changes nothing, so the
-- row converges to the same state whatever order the two writers' events arrive in.
create table wedding (
    id            text primary key,
    date          date,
    start_time    time,
    end_time      time,
    region        text,
    time_zone     text,
    culture       text,
    guest_count   int,
    days          int,
    venue_type    text,
    status        text        not null check (status in ('SCHEDULED', 'CANCELLED')),
    cancel_reason text,
    updated_at    timestamptz not null,
    last_event_at timestamptz not null,
    last_event_id uuid        not null,
    -- a cancellation may arrive before the wedding it cancels; it is kept (without a schedule) so that the
    -- older WeddingScheduled arriving later cannot bring the wedding back
    constraint scheduled_wedding_is_complete check (status = 'CANCELLED' or (date is not null and start_time is not null
        and end_time is not null and region is not null and time_zone is not null and culture is not null
        and guest_count is not null and days is not null))
);
create index wedding_by_date on wedding (date);
