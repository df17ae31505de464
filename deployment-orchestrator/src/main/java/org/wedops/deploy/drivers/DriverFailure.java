package org.wedops.deploy.drivers;

/** A migration, rollout or rollback did not succeed; the message says why (exit code and output, rollout condition …). */
public class DriverFailure extends RuntimeException {

    public DriverFailure(String message) {
        super(message);
    }

    public DriverFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
