package org.wedops.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console's browser tests are node test suites (console/test/…) driving Chromium; a Java test starts one against
 * the real gateway and fails with its whole log when it does not finish in time, exits non-zero or reports a failure.
 * A suite that overruns is killed with every process it started (Chromium included), so nothing outlives the test.
 */
public final class NodeTestSuite {

    private NodeTestSuite() {
    }

    /** Runs {@code node --test} on {@code directory} (relative to {@code console}) and returns its log once it passed. */
    public static String runAndAssertPassed(Path console, String directory, Map<String, String> environment, Path log,
                                            Duration limit) throws IOException, InterruptedException {
        ProcessBuilder suite = new ProcessBuilder("node", "--test", "--test-reporter=spec", "--test-concurrency=1", directory)
                .directory(console.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        suite.environment().putAll(environment);
        Process process = suite.start();
        boolean finished = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("the browser suite did not finish within " + limit + ":\n" + output).isTrue();
        assertThat(process.exitValue()).as("the browser suite failed:\n" + output).isZero();
        assertThat(output).containsPattern("(?m)fail 0$");
        return output;
    }
}
