package org.wedops.deploy.drivers.command;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the command driver runs, stops and fences its processes.
 *
 * @param killGrace       between TERM and KILL to a step's process group: time for a deploy tool to clean up
 * @param keptOutput      the end of a step's output kept for the record; earlier output is dropped, and counted
 * @param fenceWait       how long a new owner waits for a predecessor's step to be gone before it gives up and runs
 *                        nothing (the deployment then ends ROLLBACK_FAILED with a CRITICAL alert)
 * @param databaseTimeout a read or write of the command_run row taking longer than this has failed
 */
@ConfigurationProperties("wedops.deploy.command")
public record CommandDriverProperties(@DefaultValue("5s") Duration killGrace, @DefaultValue("64KB") DataSize keptOutput,
                                      @DefaultValue("30s") Duration fenceWait, @DefaultValue("10s") Duration databaseTimeout) {

    public CommandDriverProperties {
        positive("kill-grace", killGrace);
        positive("fence-wait", fenceWait);
        positive("database-timeout", databaseTimeout);
        if (keptOutput.toBytes() < 1024 || keptOutput.toBytes() > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("wedops.deploy.command.kept-output must be between 1KB and 16MB, was " + keptOutput);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wedops.deploy.command." + name + " must be positive, was " + value);
        }
    }
}
