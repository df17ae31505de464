package org.wedops.deploy.drivers.command;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.deploy.drivers.DeployTarget;
import org.wedops.deploy.drivers.DriverFailure;

/**
 * The command_run rows: which step of a deployment may be running, where, in which process group. Every call blocks
 * (drivers run on the bounded-elastic scheduler) for at most the configured database timeout.
 */
@Component
class CommandRuns {

    /** A recorded step; {@code pgid} is null when the process was never seen started. */
    record Run(UUID token, String step, String owner, String host, String processSpace, Long pgid, Long leaderStart, Instant startedAt,
               Instant deadBy, boolean pastDeadBy) {
    }

    private final DatabaseClient db;
    private final Duration timeout;
    private final String host;
    private final String processSpace;

    CommandRuns(DatabaseClient db, CommandDriverProperties properties) {
        this.db = db;
        this.timeout = properties.databaseTimeout();
        this.host = hostName();
        this.processSpace = ProcessGroups.processSpace();
    }

    String host() {
        return host;
    }

    String processSpace() {
        return processSpace;
    }

    /**
     * Records a step about to start, only while the owner still holds the lease. The deployment row is locked for
     * share until the insert commits, so a successor's claim (FOR UPDATE SKIP LOCKED) cannot slip in between and
     * then miss the row when it fences. False: the lease is lost, or a previous step was never fenced.
     */
    boolean begin(DeployTarget target, UUID token, String step, Duration deadByAfter) {
        Long inserted = db.sql("""
                        insert into command_run (deployment_id, token, step, owner, host, process_space, started_at, dead_by)
                        select d.id, :token, :step, :owner, :host, :space, clock_timestamp(),
                               clock_timestamp() + :millis * interval '1 millisecond'
                        from deployment d
                        where d.id = :id and d.owner = :owner and d.lease_until > clock_timestamp() and not d.concluded
                        for share of d
                        on conflict (deployment_id) do nothing""")
                .bind("token", token).bind("step", step).bind("owner", target.owner()).bind("host", host).bind("space", processSpace)
                .bind("millis", deadByAfter.toMillis()).bind("id", target.deploymentId())
                .fetch().rowsUpdated().block(timeout);
        return inserted != null && inserted == 1;
    }

    void started(UUID deploymentId, UUID token, long pgid, Long leaderStart) {
        db.sql("update command_run set pgid = :pgid, leader_start = :start where deployment_id = :id and token = :token")
                .bind("pgid", pgid).bind("start", Parameter.fromOrEmpty(leaderStart, Long.class))
                .bind("id", deploymentId).bind("token", token)
                .fetch().rowsUpdated().block(timeout);
    }

    /** The step is over and its whole group confirmed gone. */
    void finished(UUID deploymentId, UUID token) {
        db.sql("delete from command_run where deployment_id = :id and token = :token")
                .bind("id", deploymentId).bind("token", token).fetch().rowsUpdated().block(timeout);
    }

    Optional<Run> find(UUID deploymentId) {
        return db.sql("select *, dead_by < clock_timestamp() as past_dead_by from command_run where deployment_id = :id")
                .bind("id", deploymentId)
                .map((row, meta) -> new Run(row.get("token", UUID.class), row.get("step", String.class), row.get("owner", String.class),
                        row.get("host", String.class), row.get("process_space", String.class), row.get("pgid", Long.class),
                        row.get("leader_start", Long.class), instant(row.get("started_at", OffsetDateTime.class)),
                        instant(row.get("dead_by", OffsetDateTime.class)), Boolean.TRUE.equals(row.get("past_dead_by", Boolean.class))))
                .one().blockOptional(timeout);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static DriverFailure leaseLost(DeployTarget target, String step) {
        return new DriverFailure(step + " not started: " + target.owner() + " no longer holds deployment " + target.deploymentId()
                + ", or a previous step of it is still recorded as running");
    }
}
