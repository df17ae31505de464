package org.wedops.localstack.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wedops.localstack.StackDirectories;
import org.wedops.localstack.kafka.SecureKafka;
import org.wedops.localstack.ports.StackPorts;

/** The Spring arguments that wire one service to the local broker, its own database and its neighbours. */
public final class ServiceArguments {

    /** zonky's initdb trusts local connections; the password only satisfies drivers that insist on one. */
    static final String DB_USER = "postgres";
    static final String DB_PASSWORD = "postgres";

    private ServiceArguments() {
    }

    /** Everything but {@code --server.port}, which {@link ServiceProcess} adds. */
    public static List<String> of(WedopsService service, StackPorts ports, StackDirectories directories, Optional<String> slackWebhookUrl) {
        List<String> arguments = new ArrayList<>();
        if (service == WedopsService.GATEWAY) {
            for (WedopsService routed : WedopsService.behindGateway()) {
                arguments.add("--wedops.gateway.services." + routed.artifactId() + "=http://127.0.0.1:" + ports.of(routed));
            }
            // the console's live feed reads the events' topics
            arguments.add("--wedops.gateway.live.enabled=true");
            arguments.add("--spring.kafka.bootstrap-servers=" + ports.kafkaBootstrap());
        } else {
            arguments.add("--wedops.kafka.bootstrap-servers=" + ports.kafkaBootstrap());
            arguments.addAll(database(ports.postgres(), service.database().orElseThrow()));
        }
        if (service == WedopsService.ALERT_ROUTER) {
            slackWebhookUrl.ifPresent(url -> arguments.add("--wedops.alert.slack.webhook-url=" + url));
        }
        if (service == WedopsService.HEALTH_COLLECTOR) {
            // the simulator's targets live on this machine, which a production collector refuses to probe
            arguments.add("--wedops.health.probe.allowed-networks=127.0.0.0/8,::1/128");
        }
        if (service == WedopsService.DEPLOYMENT_ORCHESTRATOR) {
            arguments.addAll(demoDeployable());
        }
        arguments.add("--wedops.security.mode=local");
        arguments.add("--wedops.security.jwt-secret-file=" + directories.jwtSecret());
        arguments.add("--wedops.security.scrape-token-file=" + directories.scrapeToken());
        return arguments;
    }

    /**
     * A service named {@code demo} that the local orchestrator can deploy through the command driver (the command only
     * says what it deployed; its output is in the deployment's phases), watched for a minute instead of five.
     */
    public static List<String> demoDeployable() {
        String service = "--wedops.deploy.services.demo.";
        return List.of(
                service + "driver=COMMAND",
                service + "rollout-estimate=1m",
                service + "rollback-estimate=1m",
                service + "timeout=30s",
                service + "command.rollout[0]=sh",
                service + "command.rollout[1]=-c",
                service + "command.rollout[2]=echo \"deployed $1 $3 to $2\"",
                service + "command.rollout[3]=demo-deploy",
                service + "command.rollout[4]={service}",
                service + "command.rollout[5]={environment}",
                service + "command.rollout[6]={version}",
                "--wedops.deploy.verification.window=1m");
    }

    /**
     * What a service adds to talk to the secured broker ({@code --secure-kafka}) as its own principal, through Spring
     * Boot's standard {@code spring.kafka.*} settings, so producers, consumers, admin clients and Kafka Streams all
     * use them. The SASL login comes from a config tree (one owner-only file), not the command line. Topics are the
     * launcher's to create, as Strimzi's KafkaTopics are in a cluster: the service has no right to create them. The
     * gateway too: its console live feed reads as principal {@code gateway}.
     */
    public static List<String> secureKafka(WedopsService service, SecureKafka kafka) {
        return List.of(
                "--spring.kafka.security.protocol=SASL_SSL",
                "--spring.kafka.ssl.trust-store-location=file:" + kafka.caCertificate().toAbsolutePath(),
                "--spring.kafka.ssl.trust-store-type=PEM",
                "--spring.kafka.properties.sasl.mechanism=" + SecureKafka.MECHANISM,
                "--spring.kafka.admin.auto-create=false",
                "--spring.config.import=optional:configtree:" + kafka.serviceLogin(service.artifactId()).toAbsolutePath() + "/");
    }

    public static List<String> database(int postgresPort, String database) {
        String hostAndDatabase = "//127.0.0.1:" + postgresPort + "/" + database;
        return List.of(
                "--spring.r2dbc.url=r2dbc:postgresql:" + hostAndDatabase,
                "--spring.r2dbc.username=" + DB_USER,
                "--spring.r2dbc.password=" + DB_PASSWORD,
                "--spring.flyway.url=jdbc:postgresql:" + hostAndDatabase,
                "--spring.flyway.user=" + DB_USER,
                "--spring.flyway.password=" + DB_PASSWORD);
    }
}
