-- Closed 1-minute windows from ops.apm.windows.v1, one row per series and window start (a redelivered window
-- rewrites the same row). Queries re-aggregate them by merging sketches. Kept 90 days.
create table apm_window (
    series_key   text             not null,
    kind         text             not null,
    service      text             not null,
    operation    text             not null,
    provider     text,
    region       text             not null,
    environment  text             not null,
    window_start timestamptz      not null,
    window_end   timestamptz      not null,
    count        bigint           not null,
    errors       bigint           not null,
    sum          double precision not null,
    min          double precision not null,
    max          double precision not null,
    sketch_type  text             not null,
    sketch       bytea            not null,
    primary key (series_key, window_start)
);
create index apm_window_by_service on apm_window (service, window_start);
create index apm_window_by_start on apm_window (window_start);
