package org.wedops.deploy.gate;

import java.time.Duration;

/** Everything a deployment may take before the service is surely back to a known state: it must all fit before a protected window. */
public record DeploymentBudget(Duration migration, Duration rollout, Duration verification, Duration rollback) {

    public Duration total() {
        return migration.plus(rollout).plus(verification).plus(rollback);
    }

    @Override
    public String toString() {
        return "migration " + migration + " + rollout " + rollout + " + verification " + verification + " + rollback " + rollback;
    }
}
