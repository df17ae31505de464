-- The batches with a batch id that any apm-ingest instance took or is taking, so that a retry reaching another
-- instance, or this one after a restart, gets the first answer instead of the samples being counted twice.
create table ingest_batch (
    caller     text        not null,
    batch_id   text        not null,
    checksum   bigint      not null,
    length     integer     not null,
    claimed_at timestamptz not null,
    -- null while the batch is being taken; the answer given once it was
    answer     text,
    primary key (caller, batch_id)
);
create index ingest_batch_claimed_at on ingest_batch (claimed_at);
