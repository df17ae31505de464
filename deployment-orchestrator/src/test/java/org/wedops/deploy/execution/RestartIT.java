package org.wedops.deploy.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wedops.deploy.DeployFixtures.awaitPhase;
import static org.wedops.deploy.DeployFixtures.openRegion;
import static org.wedops.deploy.DeployFixtures.phaseNames;
import static org.wedops.deploy.DeployFixtures.phases;
import static org.wedops.deploy.DeployFixtures.requestAccepted;
import static org.wedops.deploy.DeployFixtures.unique;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.deploy.DeployIntegrationTest;
import org.wedops.deploy.DeploymentOrchestratorApplication;
import org.wedops.testsupport.RealInfrastructureInitializer;

/**
 * An orchestrator killed (its context closed) while a rollout runs, and another one started on the same database: the
 * deployment must not stay in ROLLING_OUT, nor be rolled out a second time; the new instance takes it over once the
 * dead one's lease has run out and rolls it back to the version before it.
 */
class RestartIT {

    private static final Path STATE = Path.of(DeployIntegrationTest.STATE);

    @Test
    void anOrchestratorKilledMidRolloutIsSucceededByOneThatRollsBackWithoutRollingOutAgain() throws Exception {
        String region = unique("restart");
        String environment = unique("staging");
        UUID held;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient web = client(first);
            DatabaseClient db = first.getBean(DatabaseClient.class);
            openRegion(web, region, Instant.now(), "it-kill");
            awaitPhase(db, requestAccepted(web, "it-kill", environment, region, "1"), "SUCCEEDED");

            Files.writeString(STATE.resolve("it-kill-" + environment + "-2.hold"), "");
            held = requestAccepted(web, "it-kill", environment, region, "2");
            awaitPhase(db, held, "ROLLING_OUT");
        }

        try (ConfigurableApplicationContext second = start()) {
            DatabaseClient db = second.getBean(DatabaseClient.class);
            awaitPhase(db, held, "ROLLED_BACK");

            assertThat(phaseNames(db, held)).containsExactly("REQUESTED", "ROLLING_OUT", "FAILED", "ROLLING_BACK", "ROLLED_BACK");
            assertThat(phases(db, held).get(2).get("detail").toString()).contains("stopped during the rollout");
            // version 2 never finished anywhere; the rollback ran the tool with 1 again
            assertThat(Files.readAllLines(STATE.resolve("it-kill-" + environment + ".history"))).containsExactly("1", "1");
            assertThat(Files.readString(STATE.resolve("it-kill-" + environment + ".version")).strip()).isEqualTo("1");
            assertThat(db.sql("select owner, lease_until, concluded from deployment where id = :id").bind("id", held).fetch().one().block())
                    .containsEntry("owner", null).containsEntry("lease_until", null).containsEntry("concluded", true);
        }
    }

    /** One orchestrator process as production runs it, with the shared broker and database, deploying only it-kill. */
    private static ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>();
        RealInfrastructureInitializer.properties("deployment-orchestrator").forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of("--server.port=0",
                "--wedops.deploy.verification.window=2s",
                "--wedops.deploy.verification.interval=200ms",
                "--wedops.deploy.verification.insufficient-data-wait=1s",
                "--wedops.deploy.verification.insufficient-data-outside-protected-windows=PASS",
                "--wedops.deploy.execution.lease=3s",
                "--wedops.deploy.execution.claim-every=200ms",
                "--wedops.deploy.services.it-kill.driver=COMMAND",
                "--wedops.deploy.services.it-kill.rollout-estimate=1m",
                "--wedops.deploy.services.it-kill.timeout=90s",
                "--wedops.deploy.services.it-kill.command.rollout=sh,src/test/resources/scripts/deploy.sh," + STATE
                        + ",{service},{environment},{version}"));
        return new SpringApplicationBuilder(DeploymentOrchestratorApplication.class).run(args.toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
