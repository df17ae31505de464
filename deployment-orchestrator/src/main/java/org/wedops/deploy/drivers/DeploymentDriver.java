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

    String rollout(DeployTarget target, String version);

    /** Returns the service to the given version. */
    String rollback(DeployTarget target, String toVersion);
}
