package org.wedops.deploy.drivers.command;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.wedops.deploy.drivers.DeployableServices.DriverKind;
import org.wedops.deploy.drivers.DeployTarget;
import org.wedops.deploy.drivers.DriverFailure;
import org.wedops.deploy.drivers.Drivers;

/**
 * Deploys by running a configured command (a script, a CLI) with the service and version as arguments. Exit code 0
 * is success; output (stdout and stderr together, its end) is returned to be recorded either way.
 *
 * <p>Every step runs in a session and process group of its own ({@code setsid}), under a {@code timeout} wrapper
 * that kills the group at the step's timeout plus grace even when the orchestrator that started it is dead. On
 * timeout, cancellation or shutdown the whole group gets TERM, then KILL; nothing of a step outlives it. Before a
 * step starts it is recorded in command_run (only while the deployment's lease is held) and any step still recorded
 * for the deployment is fenced: its group killed and confirmed gone, so a successor never runs a rollback beside a
 * predecessor's rollout.
 */
@Component
@RequiredArgsConstructor
class CommandDriver implements Drivers.KindedDriver {

    private static final Logger log = LoggerFactory.getLogger(CommandDriver.class);
    /** After the wrapper's own limit and its KILL: slack for a slow kernel before a group is assumed gone elsewhere. */
    private static final Duration DEAD_BY_SLACK = Duration.ofSeconds(5);

    private final CommandRuns runs;
    private final CommandDriverProperties properties;

    @Override
    public DriverKind kind() {
        return DriverKind.COMMAND;
    }

    @Override
    public String currentVersion(DeployTarget target) {
        return null;
    }

    @Override
    public boolean hasMigration(DeployTarget target) {
        return target.settings().command() != null && !target.settings().command().migration().isEmpty();
    }

    @Override
    public String migrate(DeployTarget target, String version) {
        return run(target, target.settings().command().migration(), version, "migration");
    }

    @Override
    public String moveTo(DeployTarget target, String version, String step) {
        return run(target, target.settings().command().rollout(), version, step);
    }

    /**
     * Stops a step still recorded for the deployment. Here (same boot and pid namespace): its group is killed and
     * watched until gone. Elsewhere: nothing can be signalled, so it counts as gone only once its dead-by time (the
     * wrapper's limit) has passed on the database's clock; until then, up to the fence wait, nothing runs.
     */
    @Override
    public String fence(DeployTarget target) {
        var recorded = runs.find(target.deploymentId());
        if (recorded.isEmpty()) {
            return "";
        }
        var run = recorded.get();
        String what = run.step() + " of " + run.owner() + " (process group " + (run.pgid() == null ? "not recorded" : run.pgid())
                + " on " + run.host() + ", started " + run.startedAt() + ")";
        if (run.processSpace().equals(runs.processSpace())) {
            boolean gone;
            try {
                gone = ProcessGroups.stop(run.pgid(), run.leaderStart(), run.token().toString(), properties.killGrace(), properties.fenceWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PredecessorNotFenced("interrupted while stopping the " + what);
            }
            if (!gone) {
                throw new PredecessorNotFenced("the " + what + " still runs after TERM and KILL; nothing was run");
            }
            runs.finished(target.deploymentId(), run.token());
            log.warn("Fenced deployment {}: the {} is gone", target.deploymentId(), what);
            return "the " + what + " was stopped and is gone";
        }
        long deadline = System.nanoTime() + properties.fenceWait().toNanos();
        while (!run.pastDeadBy()) {
            if (System.nanoTime() > deadline) {
                throw new PredecessorNotFenced("the " + what + " ran on another host and may run until " + run.deadBy()
                        + "; it cannot be stopped or confirmed gone from here, so nothing was run");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(Math.min(1000, properties.fenceWait().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PredecessorNotFenced("interrupted while waiting for the " + what);
            }
            var now = runs.find(target.deploymentId());
            if (now.isEmpty() || !now.get().token().equals(run.token())) {
                return "the " + what + " ended";
            }
            run = now.get();
        }
        runs.finished(target.deploymentId(), run.token());
        return "the " + what + " passed its time limit (" + run.deadBy() + "); its wrapper has killed it";
    }

    private String run(DeployTarget target, List<String> template, String version, String step) {
        if (template == null || template.isEmpty()) {
            throw new DriverFailure("no " + step + " command configured for " + target.service());
        }
        String fenced = fence(target);
        List<String> command = template.stream().map(arg -> arg.replace("{service}", target.service())
                .replace("{environment}", target.environment()).replace("{region}", target.region()).replace("{version}", version)).toList();
        Duration limit = target.settings().timeout();
        Duration grace = properties.killGrace();
        UUID token = UUID.randomUUID();
        if (!runs.begin(target, token, step, limit.plus(grace).plus(grace).plus(DEAD_BY_SLACK))) {
            throw CommandRuns.leaseLost(target, step);
        }
        List<String> full = new ArrayList<>(List.of("setsid", "timeout", "--kill-after=" + seconds(grace), seconds(limit.plus(grace))));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        builder.environment().put(ProcessGroups.TOKEN_VARIABLE, token.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            runs.finished(target.deploymentId(), token);
            throw new DriverFailure(step + " command " + command.get(0) + " could not start: " + e.getMessage(), e);
        }
        // Java's child is not a group leader, so setsid execs in place: the pid leads the new session and group
        long pgid = process.pid();
        Long leaderStart = ProcessGroups.startTime(pgid);
        OutputTail output = new OutputTail(process.getInputStream(), (int) properties.keptOutput().toBytes());
        output.start();
        boolean interrupted = false;
        String failure = null;
        try {
            runs.started(target.deploymentId(), token, pgid, leaderStart);
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                failure = step + " command timed out after " + limit;
            }
        } catch (InterruptedException e) {
            // the deployment was cancelled (timeout of the step, instance shutting down): the command must not run on unowned
            interrupted = true;
            failure = step + " command interrupted";
        } catch (RuntimeException e) {
            // the group id could not be recorded: a successor could not find it, so it must not run on
            failure = step + " command stopped: its process group could not be recorded: " + e.getMessage();
        }
        boolean gone = stopGroup(pgid, leaderStart, token);
        try {
            output.join(grace.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (gone) {
            try {
                runs.finished(target.deploymentId(), token);
            } catch (RuntimeException e) {
                // the row points at a group that is gone: the next fence confirms that and removes it
                log.warn("Step {} of deployment {} is over but still recorded: {}", step, target.deploymentId(), e.toString());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        String prefix = fenced.isEmpty() ? "" : "first " + fenced + "; ";
        if (failure != null) {
            throw new DriverFailure(prefix + failure + (gone ? "; its process group is gone" : "; its process group did not stop")
                    + "; output: " + output.text());
        }
        int exit = process.exitValue();
        String text = prefix + step + " exit " + exit + ": " + output.text();
        if (exit != 0) {
            throw new DriverFailure(text);
        }
        return text;
    }

    /** Kills what is left of the step's group (all of it on failure; leftovers of a finished step). Clears an interrupt meanwhile. */
    private boolean stopGroup(long pgid, Long leaderStart, UUID token) {
        boolean interrupted = Thread.interrupted();
        try {
            return ProcessGroups.stop(pgid, leaderStart, token.toString(), properties.killGrace(), properties.fenceWait());
        } catch (InterruptedException e) {
            interrupted = true;
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3fs", duration.toMillis() / 1000.0);
    }
}
