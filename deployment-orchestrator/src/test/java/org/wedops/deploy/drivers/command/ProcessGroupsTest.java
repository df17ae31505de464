package org.wedops.deploy.drivers.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real process groups on this machine: started through setsid as the driver starts them, stopped as a successor stops them. */
class ProcessGroupsTest {

    private Process started;

    @AfterEach
    void stopLeftovers() {
        if (started != null) {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }
    }

    private Process startGroup(String token, String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", "sh", "-c", script);
        builder.environment().put(ProcessGroups.TOKEN_VARIABLE, token);
        started = builder.start();
        return started;
    }

    @Test
    void stoppingAGroupKillsTheLeaderAndEveryChildEvenOnesThatIgnoreTerm() throws Exception {
        String token = UUID.randomUUID().toString();
        Process leader = startGroup(token, "trap '' TERM; sleep 600 & sleep 600 & wait");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessGroups.members(leader.pid(), null, token).size() >= 3);
        List<ProcessHandle> children = leader.descendants().toList();

        boolean gone = ProcessGroups.stop(leader.pid(), ProcessGroups.startTime(leader.pid()), token, Duration.ofMillis(300), Duration.ofSeconds(5));

        assertThat(gone).isTrue();
        assertThat(leader.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(children).isNotEmpty().allSatisfy(child -> await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive()));
    }

    @Test
    void aStepWhoseGroupWasNeverRecordedIsFoundByTheTokenInItsEnvironment() throws Exception {
        String token = UUID.randomUUID().toString();
        Process leader = startGroup(token, "sleep 600 & wait");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessGroups.members(null, null, token).size() >= 2);

        assertThat(ProcessGroups.stop(null, null, token, Duration.ofSeconds(1), Duration.ofSeconds(5))).isTrue();
        assertThat(ProcessGroups.members(leader.pid(), null, token)).isEmpty();
    }

    @Test
    void aGroupIdNowLedByAnotherProcessIsNotTakenForTheStep() throws Exception {
        Process other = startGroup(UUID.randomUUID().toString(), "sleep 600");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessGroups.startTime(other.pid()) != null);
        long differentStart = ProcessGroups.startTime(other.pid()) - 1;

        assertThat(ProcessGroups.members(other.pid(), differentStart, UUID.randomUUID().toString())).isEmpty();
        assertThat(other.isAlive()).isTrue();
    }
}
