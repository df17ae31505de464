-- A step of the command driver that may still be running. Written, only while the writer holds the deployment's lease,
-- before the process starts; completed with the process group once it has started; deleted once the whole group is
-- gone. A new owner of the deployment finds here what it must stop before it runs or concludes anything: a kill -9 of
-- the orchestrator leaves the row, and the process group, behind.
create table command_run (
    deployment_id uuid primary key references deployment (id),
    -- also in the environment of every process of the step (WEDOPS_COMMAND_RUN), so they are found even before the
    -- group id is written, and a reused group id is never mistaken for the step's
    token         uuid        not null,
    step          text        not null,
    owner         text        not null,
    host          text        not null,
    -- boot id and pid namespace: a process group id means the same processes only inside the same one
    process_space text        not null,
    pgid          bigint,
    -- start time (clock ticks since boot) of the group leader: tells the group from a later one with the same id
    leader_start  bigint,
    started_at    timestamptz not null,
    -- by then the step's own `timeout` wrapper has killed the group, even with the orchestrator that started it gone
    dead_by       timestamptz not null
);
