package org.wedops.localstack.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.wedops.localstack.Installation;
import org.wedops.localstack.StackDirectories;
import org.wedops.localstack.StackException;
import org.wedops.localstack.process.ChildProcess;
import org.wedops.localstack.process.JavaExecutable;

/**
 * A real Apache Kafka broker in a JVM of its own, from the same jars the launcher ships with: what the services talk
 * to locally is what they talk to in production, not a stand-in.
 */
public final class KafkaBrokerProcess {

    /** The broker logs through slf4j-simple from lib/; INFO, with times, is what its log file is for. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ChildProcess child;
    private final String bootstrap;

    private KafkaBrokerProcess(ChildProcess child, String bootstrap) {
        this.child = child;
        this.bootstrap = bootstrap;
    }

    public static KafkaBrokerProcess start(Installation installation, StackDirectories directories, int brokerPort, int controllerPort) {
        Path config = directories.kafka().resolve("server.properties");
        Map<String, String> properties = BrokerProperties.of(brokerPort, controllerPort, directories.kafkaData());
        try {
            Files.createDirectories(directories.kafkaData());
            Files.writeString(config, BrokerProperties.render(properties), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot write " + config + ": " + e.getMessage(), e);
        }
        Path log = directories.log("kafka");
        if (!Files.exists(directories.kafkaData().resolve("meta.properties"))) {
            format(installation, config, directories.log("kafka-format"));
        }
        ChildProcess child = ChildProcess.start("kafka", java(installation, "kafka.Kafka", config.toString()),
                directories.root().getParent(), log);
        return new KafkaBrokerProcess(child, "127.0.0.1:" + brokerPort);
    }

    /**
     * KRaft needs its log directory stamped with a cluster id before the first start. --ignore-formatted makes a
     * half-finished earlier attempt harmless.
     */
    private static void format(Installation installation, Path config, Path log) {
        List<String> command = java(installation, "kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--ignore-formatted");
        ChildProcess formatting = ChildProcess.start("kafka storage format", command, config.getParent(), log);
        try {
            if (!formatting.process().waitFor(120, TimeUnit.SECONDS)) {
                formatting.stop(Duration.ofSeconds(1));
                throw new StackException("formatting the Kafka log directory did not finish in 120 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatting.stop(Duration.ofSeconds(1));
            throw new StackException("interrupted while formatting the Kafka log directory");
        }
        if (formatting.exitCode() != 0) {
            throw new StackException("formatting the Kafka log directory failed (exit " + formatting.exitCode() + "):\n"
                    + indent(formatting.lastLogLines(20)));
        }
    }

    private static List<String> java(Installation installation, String mainClass, String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(JavaExecutable.current().toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(installation.classPath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /** The broker is ready when it answers a metadata request, which is what every client needs first. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500))) {
            while (true) {
                if (!child.isAlive()) {
                    throw new StackException("the Kafka broker exited with code " + child.exitCode()
                            + "; the last lines of " + child.log() + ":\n" + indent(child.lastLogLines(20)));
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new StackException("the Kafka broker did not answer within " + timeout.toSeconds()
                                + " s; the last lines of " + child.log() + ":\n" + indent(child.lastLogLines(20)));
                    }
                    Thread.sleep(250);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the Kafka broker");
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public ChildProcess child() {
        return child;
    }

    /** SIGTERM lets the broker flush, close its logs and write its clean-shutdown marker, so the next start is quick. */
    public boolean stop(Duration grace) {
        return child.stop(grace);
    }

    private static String indent(List<String> lines) {
        return lines.stream().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }
}
