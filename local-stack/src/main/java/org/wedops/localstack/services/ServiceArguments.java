package org.wedops.localstack.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wedops.localstack.ports.StackPorts;

/** The Spring arguments that wire one service to the local broker, its own database and its neighbours. */
public final class ServiceArguments {

    /** zonky's initdb trusts local connections; the password only satisfies drivers that insist on one. */
    static final String DB_USER = "postgres";
    static final String DB_PASSWORD = "postgres";

    private ServiceArguments() {
    }

    /** Everything but {@code --server.port}, which {@link ServiceProcess} adds. */
    public static List<String> of(WedopsService service, StackPorts ports, Path jwtSecretFile, Optional<String> slackWebhookUrl) {
        List<String> arguments = new ArrayList<>();
        if (service == WedopsService.GATEWAY) {
            for (WedopsService routed : WedopsService.behindGateway()) {
                arguments.add("--wedops.gateway.services." + routed.artifactId() + "=http://127.0.0.1:" + ports.of(routed));
            }
        } else {
            arguments.add("--wedops.kafka.bootstrap-servers=" + ports.kafkaBootstrap());
            arguments.addAll(database(ports.postgres(), service.database().orElseThrow()));
        }
        if (service == WedopsService.ALERT_ROUTER) {
            slackWebhookUrl.ifPresent(url -> arguments.add("--wedops.alert.slack.webhook-url=" + url));
        }
        arguments.add("--wedops.security.jwt-secret-file=" + jwtSecretFile.toAbsolutePath());
        return arguments;
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
