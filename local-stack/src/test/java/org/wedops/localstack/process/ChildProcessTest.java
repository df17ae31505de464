package org.wedops.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path directory;

    @Test
    void outputGoesToTheLogAndTheTailIsAtHand() {
        ChildProcess child = ChildProcess.start("counter", List.of("sh", "-c", "seq 1 50; echo done >&2"), directory, directory.resolve("logs/counter.log"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
        assertThat(child.exitCode()).isZero();
        assertThat(child.lastLogLines(3)).containsExactly("49", "50", "done");
    }

    @Test
    void stoppingAlsoEndsWhatTheChildStarted() {
        // the shell ignores SIGTERM here, so the grace period runs out and the kill path is taken too
        ChildProcess child = ChildProcess.start("parent", List.of("sh", "-c", "trap '' TERM; sleep 300 & sleep 300 & wait"),
                directory, directory.resolve("parent.log"));
        await().atMost(Duration.ofSeconds(10)).until(() -> child.process().descendants().count() >= 2);
        List<ProcessHandle> grandchildren = child.process().descendants().toList();

        boolean clean = child.stop(Duration.ofMillis(500));

        assertThat(clean).isFalse();
        assertThat(child.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> grandchildren.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void aChildThatHonoursSigtermStopsCleanly() {
        ChildProcess child = ChildProcess.start("sleeper", List.of("sleep", "300"), directory, directory.resolve("sleeper.log"));

        assertThat(child.stop(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void theTailOfALongLogIsItsLastLines() throws Exception {
        Path log = directory.resolve("long.log");
        Files.writeString(log, IntStream.rangeClosed(1, 1000).mapToObj(String::valueOf).collect(Collectors.joining("\n")));

        assertThat(ChildProcess.lastLines(log, 20)).hasSize(20).startsWith("981").endsWith("1000");
        assertThat(ChildProcess.lastLines(directory.resolve("missing.log"), 20)).isEmpty();
    }
}
