package org.wedops.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.wedops.localstack.StackException;

/**
 * A process the stack owns: output to one log file, and stopped together with everything it started.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;

    /**
     * Starts the command in its own session when setsid is there: Ctrl-C signals the terminal's whole process group,
     * and the children must not all get it at once — the services have to stop before the broker and PostgreSQL they
     * need while shutting down. setsid execs in place (the child is no group leader), so the pid stays the same.
     */
    public static ChildProcess start(String name, List<String> command, Path workingDirectory, Path log) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * SIGTERM first so that the child shuts down cleanly (a broker flushes and closes its logs, Spring drains
     * requests), then SIGKILL after the grace period. Descendants are collected before the parent goes: once it is
     * gone they are re-parented and can no longer be found from here.
     *
     * @return whether it stopped within the grace period
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean clean = waitFor(process, grace);
        if (!clean) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(5));
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        return clean;
    }

    /** The end of the log, to show why a child died without sending the user to the file. */
    public List<String> lastLogLines(int count) {
        return lastLines(log, count);
    }

    public static List<String> lastLines(Path file, int count) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(count);
        // a reader, not Files.lines: a log cut mid-character must not hide the lines that explain a crash
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (last.size() == count) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
