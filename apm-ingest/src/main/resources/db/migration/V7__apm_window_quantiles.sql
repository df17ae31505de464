-- A window's own p50/p95/p99, read from its sketch when stored: a query bucket holding one window (1m, one series)
-- answers from the column instead of decoding the sketch. Null for windows stored before; those use the sketch.
alter table apm_window
    add column p50 double precision,
    add column p95 double precision,
    add column p99 double precision;
