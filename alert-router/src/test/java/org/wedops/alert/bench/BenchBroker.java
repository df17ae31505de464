package org.wedops.alert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) in a JVM of its own, from the Kafka jars on
 * the module's test class path, configured as the local stack's: one replica of everything, because there is nowhere
 * to put a second. Its own process, so its CPU is measured apart from the router's.
 */
final class BenchBroker {

    private final ChildJvm child;
    private final String bootstrap;

    private BenchBroker(ChildJvm child, String bootstrap) {
        this.child = child;
        this.bootstrap = bootstrap;
    }

    static BenchBroker start(Path home, int brokerPort, int controllerPort) throws IOException, InterruptedException {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Path config = home.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "log.dirs=" + data.toAbsolutePath().toString().replace("\\", "\\\\"),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0", ""));
        // the test class path logs through Logback, whose default is DEBUG on the console: INFO is what a broker log is for
        Path logging = home.resolve("logback.xml");
        Files.writeString(logging, """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        List<String> options = List.of("-Xmx512m", "-Dlogback.configurationFile=" + logging.toAbsolutePath());
        String classpath = ChildJvm.classpath();
        ChildJvm format = ChildJvm.start("kafka storage format", ChildJvm.java(options, classpath, "kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--ignore-formatted"), home.resolve("format.log"));
        if (!format.process().waitFor(120, TimeUnit.SECONDS) || format.process().exitValue() != 0) {
            format.stop(Duration.ofSeconds(1));
            throw new IllegalStateException("formatting the Kafka log directory failed:\n" + format.tail(20));
        }
        ChildJvm broker = ChildJvm.start("kafka", ChildJvm.java(options, classpath, "kafka.Kafka", config.toString()),
                home.getParent().resolve("logs").resolve("kafka.log"));
        return new BenchBroker(broker, "127.0.0.1:" + brokerPort);
    }

    /** Ready when it answers a metadata request, which is what every client needs first. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (true) {
                if (!child.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited; the last lines of " + child.log() + ":\n" + child.tail(20));
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the Kafka broker did not answer within " + timeout.toSeconds() + " s; see " + child.log());
                    }
                    Thread.sleep(250);
                }
            }
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    long pid() {
        return child.pid();
    }

    void stop() {
        child.stop(Duration.ofSeconds(20));
    }
}
