package org.wedops.localstack.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wedops.localstack.StackException;
import org.wedops.localstack.process.ChildProcess;

/**
 * The wait for the services with real child processes: one whose database refused this build's schema is not waited
 * for until the timeout, and the launcher says what to do instead of only that it is not ready.
 */
class ReadinessWaitTest {

    @TempDir
    Path logs;

    @Test
    void aServiceWhoseDatabaseRefusedTheSchemaStopsTheWaitAtOnceAndTheLauncherNamesTheReset() throws IOException {
        String refused = "ERROR 123 --- [orchestrator] [database-migration] o.w.support.database.DeferredMigration : The database's schema "
                + "history does not match this build's migrations: this build " + ReadinessWait.REFUSED_SCHEMA + " (retrying in PT10S): "
                + "Validate failed: Migration checksum mismatch for migration version 1";
        ChildProcess child = ChildProcess.start("deployment-orchestrator", List.of("sh", "-c", "echo \"$0\"; exec sleep 300", refused),
                logs, logs.resolve("deployment-orchestrator.log"));
        try {
            ServiceProcess service = new ServiceProcess("deployment-orchestrator", freePort(), child);
            // the process lives on and never answers: only the log can tell, and the wait must not take its ten minutes
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                    () -> ReadinessWait.awaitAll(List.of(service), Duration.ofMinutes(10), ready -> { }))
                    .isInstanceOf(StackException.class)
                    .hasMessageStartingWith("deployment-orchestrator cannot start: its database in .wedops was made by an earlier build")
                    .hasMessageContaining("./wedops reset")
                    .hasMessageContaining("checksum mismatch for migration version 1"));
            assertThat(child.isAlive()).as("stopping it is the stack's job, as for every other failed start").isTrue();
        } finally {
            child.stop(Duration.ofSeconds(5));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
