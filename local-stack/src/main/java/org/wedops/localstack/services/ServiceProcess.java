package org.wedops.localstack.services;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.wedops.localstack.StackException;
import org.wedops.localstack.process.ChildProcess;
import org.wedops.localstack.process.JavaExecutable;

/**
 * One WedOps service running from its executable jar in a JVM of its own, as it would in production; from the jar's
 * extracted form ({@link ExtractedJar}), which starts faster.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class ServiceProcess {

    /**
     * Six Spring Boot JVMs plus a broker share a laptop: a small heap, C1 only (most of the JIT benefit at a fraction
     * of the start-up CPU) and the serial collector (no GC threads competing for the same cores).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final ChildProcess child;

    /**
     * @param arguments Spring arguments; {@code --server.port} is added from {@code port}
     */
    public static ServiceProcess start(String name, Path jar, int port, List<String> arguments, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new StackException("the " + name + " jar is missing (" + jar + ") — run ./mvnw -DskipTests package first");
        }
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.current().toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(ExtractedJar.of(name, jar).toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        return new ServiceProcess(name, port, ChildProcess.start(name, command, Path.of("").toAbsolutePath(), log));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI readinessUrl() {
        return baseUrl().resolve("/actuator/health/readiness");
    }

    public Path log() {
        return child.log();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    public ChildProcess child() {
        return child;
    }

    public void awaitReady(Duration timeout) {
        ReadinessWait.awaitAll(List.of(this), timeout, ready -> { });
    }

    /** Graceful first (Spring finishes in-flight requests and commits Kafka offsets), forcibly after the grace. */
    public boolean stop(Duration grace) {
        return child.stop(grace);
    }

    @Override
    public String toString() {
        return name + " (pid " + child.pid() + ", port " + port + ")";
    }
}
