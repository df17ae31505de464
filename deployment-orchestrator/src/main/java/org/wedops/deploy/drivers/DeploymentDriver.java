package org.wedops.deploy.drivers;

/**
 * Deploys one kind of runtime. Every method blocks until its step is done (callers run it on the bounded-elastic
 * scheduler) and either returns what it did, to be recorded, or throws {@link DriverFailure}. Steps must be safe to
 * repeat: after a restart a rollback may run a second time.
 */
public interface DeploymentDriver {

    /** The version running now, or null when this driver cannot tell. */
    String currentVersion(DeployTarget target);

    /** Whether the service has a pre-deploy migration step. */
    boolean hasMigration(DeployTarget target);

    String migrate(DeployTarget target, String version);

    /**
     * Puts the given version in place and waits until it runs. A rollout and a rollback are the same move to another
     * version; {@code step} ("rollout", "rollback") only names it in what is recorded.
     */
    String moveTo(DeployTarget target, String version, String step);

    default String rollout(DeployTarget target, String version) {
        return moveTo(target, version, "rollout");
    }

    /** Returns the service to the given version. */
    default String rollback(DeployTarget target, String toVersion) {
        return moveTo(target, toVersion, "rollback");
    }

    /**
     * Makes sure nothing a predecessor started for this deployment still runs, before a new owner concludes or
     * repeats a step. Returns what it did (empty when there was nothing to stop); throws {@link PredecessorNotFenced}
     * when it cannot confirm. Drivers whose steps are declarative API calls (the latest call wins) have nothing to
     * stop.
     */
    default String fence(DeployTarget target) {
        return "";
    }

    /** A predecessor's step may still be running and could not be stopped or confirmed gone: nothing may run now. */
    class PredecessorNotFenced extends DriverFailure {
        public PredecessorNotFenced(String message) {
            super(message);
        }
    }
}
