package org.wedops.localstack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wedops.localstack.StackDirectories;
import org.wedops.localstack.kafka.SecureKafka;
import org.wedops.localstack.ports.StackPorts;

class ServiceArgumentsTest {

    private static final StackDirectories SECRET = new StackDirectories(Path.of("/work/.wedops"));

    @Test
    void aServiceGetsTheBrokerItsOwnDatabaseLocalTokenModeAndTheSecretFiles() {
        List<String> arguments = ServiceArguments.of(WedopsService.HEALTH_COLLECTOR, new StackPorts(0), SECRET, Optional.empty());

        assertThat(arguments).containsExactly(
                "--wedops.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5433/health_collector",
                "--spring.r2dbc.username=postgres",
                "--spring.r2dbc.password=postgres",
                "--spring.flyway.url=jdbc:postgresql://127.0.0.1:5433/health_collector",
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=postgres",
                "--wedops.health.probe.allowed-networks=127.0.0.0/8,::1/128",
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=/work/.wedops/jwt-secret",
                "--wedops.security.scrape-token-file=/work/.wedops/scrape-token");
    }

    @Test
    void theGatewayGetsARouteToEveryServiceTheBrokerForTheConsoleFeedAndNoDatabase() {
        List<String> arguments = ServiceArguments.of(WedopsService.GATEWAY, new StackPorts(10), SECRET, Optional.of("http://slack"));

        assertThat(arguments).containsExactly(
                "--wedops.gateway.services.health-collector=http://127.0.0.1:8091",
                "--wedops.gateway.services.deployment-orchestrator=http://127.0.0.1:8092",
                "--wedops.gateway.services.scaling-planner=http://127.0.0.1:8093",
                "--wedops.gateway.services.apm-ingest=http://127.0.0.1:8094",
                "--wedops.gateway.services.alert-router=http://127.0.0.1:8095",
                "--wedops.gateway.live.enabled=true",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9102",
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=/work/.wedops/jwt-secret",
                "--wedops.security.scrape-token-file=/work/.wedops/scrape-token");
    }

    @Test
    void withTheSecuredBrokerTheGatewayLogsInAsItsOwnPrincipalAsEveryServiceDoes(@TempDir Path home) throws Exception {
        SecureKafka kafka = SecureKafka.loadOrCreate(home.resolve("kafka-secure"));

        List<String> gateway = ServiceArguments.secureKafka(WedopsService.GATEWAY, kafka);

        assertThat(gateway).contains("--spring.kafka.security.protocol=SASL_SSL", "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                "--spring.kafka.ssl.trust-store-type=PEM",
                "--spring.config.import=optional:configtree:" + kafka.serviceLogin("gateway").toAbsolutePath() + "/");
        assertThat(Files.readString(kafka.serviceLogin("gateway").resolve("spring.kafka.properties.sasl.jaas.config")))
                .contains("username=\"gateway\"");
        assertThat(String.join(" ", gateway)).doesNotContain("password");
        // the same settings as any other service's, but its own login
        assertThat(gateway).hasSameSizeAs(ServiceArguments.secureKafka(WedopsService.ALERT_ROUTER, kafka))
                .doesNotContainAnyElementsOf(ServiceArguments.secureKafka(WedopsService.ALERT_ROUTER, kafka).stream()
                        .filter(argument -> argument.startsWith("--spring.config.import=")).toList());
    }

    @Test
    void onlyTheAlertRouterIsToldAboutSlack() {
        Optional<String> slack = Optional.of("http://127.0.0.1:8090/slack");

        assertThat(ServiceArguments.of(WedopsService.ALERT_ROUTER, new StackPorts(0), SECRET, slack))
                .contains("--wedops.alert.slack.webhook-url=http://127.0.0.1:8090/slack", "--spring.flyway.url=jdbc:postgresql://127.0.0.1:5433/alert_router");
        assertThat(ServiceArguments.of(WedopsService.APM_INGEST, new StackPorts(0), SECRET, slack))
                .noneMatch(argument -> argument.contains("slack"));
        assertThat(ServiceArguments.of(WedopsService.ALERT_ROUTER, new StackPorts(0), SECRET, Optional.empty()))
                .noneMatch(argument -> argument.contains("slack"));
    }

    @Test
    void theOrchestratorHasADemoServiceItCanDeployWithACommand() {
        List<String> arguments = ServiceArguments.of(WedopsService.DEPLOYMENT_ORCHESTRATOR, new StackPorts(0), SECRET, Optional.empty());

        assertThat(arguments).contains("--wedops.deploy.services.demo.driver=COMMAND",
                "--wedops.deploy.services.demo.command.rollout[6]={version}",
                "--spring.flyway.url=jdbc:postgresql://127.0.0.1:5433/deployment_orchestrator");
        assertThat(ServiceArguments.of(WedopsService.SCALING_PLANNER, new StackPorts(0), SECRET, Optional.empty()))
                .noneMatch(argument -> argument.contains("wedops.deploy"));
    }
}
