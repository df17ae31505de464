package org.wedops.localstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import kafka.tools.StorageTool;
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

    /**
     * The broker logs through slf4j-simple from lib/; INFO, with times, is what its log file is for. C1 only and the
     * serial collector, as for the services (ServiceProcess): a laptop's broker carries little traffic, and its start
     * (and the storage tool's run) is mostly class loading and compiling on cores the services need at the same time.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ChildProcess child;
    private final String bootstrap;
    private final Optional<SecureKafka> secure;

    private KafkaBrokerProcess(ChildProcess child, String bootstrap, Optional<SecureKafka> secure) {
        this.child = child;
        this.bootstrap = bootstrap;
        this.secure = secure;
    }

    public static KafkaBrokerProcess start(Installation installation, StackDirectories directories, int brokerPort, int controllerPort) {
        return start(installation, directories, brokerPort, controllerPort, Optional.empty());
    }

    /**
     * With {@code secure} present, the broker takes only SASL/SCRAM over TLS and authorises with the ACLs of
     * KafkaAccess; its configuration and data then live in {@link SecureKafka#home()}, apart from the plain broker's.
     */
    public static KafkaBrokerProcess start(Installation installation, StackDirectories directories, int brokerPort, int controllerPort,
                                           Optional<SecureKafka> secure) {
        Path home = secure.map(SecureKafka::home).orElse(directories.kafka());
        Path data = secure.isPresent() ? home.resolve("data") : directories.kafkaData();
        Path config = home.resolve("server.properties");
        Map<String, String> properties = BrokerProperties.of(brokerPort, controllerPort, data);
        secure.ifPresent(security -> properties.putAll(security.brokerProperties(brokerPort, controllerPort)));
        try {
            Files.createDirectories(data);
            // owner-only: the secured broker's file holds its keystore and controller passwords
            Files.writeString(SecureKafka.ownerOnlyFile(config), BrokerProperties.render(properties), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot write " + config + ": " + e.getMessage(), e);
        }
        Path log = directories.log("kafka");
        if (!Files.exists(data.resolve("meta.properties"))) {
            if (secure.isPresent()) {
                formatWithUsers(config, secure.get(), directories.log("kafka-format"));
            } else {
                format(installation, config, directories.log("kafka-format"));
            }
        }
        ChildProcess child = ChildProcess.start("kafka", java(installation, "kafka.Kafka", config.toString()),
                directories.root().getParent(), log);
        return new KafkaBrokerProcess(child, "127.0.0.1:" + brokerPort, secure);
    }

    /**
     * KRaft keeps SCRAM users in its metadata, so the inter-broker user must exist before the first start: the storage
     * tool writes every principal's credential while formatting. It runs in this JVM, so that the passwords never
     * appear on a process's command line.
     */
    private static void formatWithUsers(Path config, SecureKafka secure, Path log) {
        List<String> arguments = new ArrayList<>(List.of("format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--ignore-formatted"));
        arguments.addAll(secure.scramArguments());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(arguments.toArray(String[]::new), print);
        } catch (RuntimeException e) {
            throw new StackException("formatting the secured Kafka log directory failed: " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, output.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot write " + log + ": " + e.getMessage(), e);
        }
        if (exit != 0) {
            throw new StackException("formatting the secured Kafka log directory failed (exit " + exit + "); see " + log);
        }
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
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.current().toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(installation.classPath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * The broker is ready when it answers a metadata request, which is what every client needs first. A secured broker
     * is ready once, moreover, its topics, users and ACLs are in place (as its super user), before any service starts.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new HashMap<>(clientProperties(SecureKafka.ADMIN));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            awaitAnswer(admin, deadline, timeout);
            secure.ifPresent(security -> KafkaProvisioning.apply(admin, security));
        }
    }

    private void awaitAnswer(Admin admin, long deadline, Duration timeout) {
        try {
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

    /** The settings a plain Kafka client needs here: the bootstrap and, on a secured broker, TLS and {@code principal}'s login. */
    public Map<String, Object> clientProperties(String principal) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        secure.ifPresent(security -> properties.putAll(security.clientProperties(principal)));
        return properties;
    }

    public Optional<SecureKafka> secure() {
        return secure;
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
