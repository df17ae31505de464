package org.wedops.deploy.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wedops.deploy.DeployFixtures.assertRolledBackInTime;
import static org.wedops.deploy.DeployFixtures.awaitPhase;
import static org.wedops.deploy.DeployFixtures.openRegion;
import static org.wedops.deploy.DeployFixtures.phaseNames;
import static org.wedops.deploy.DeployFixtures.requestAccepted;
import static org.wedops.deploy.DeployFixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.deploy.DeployFixtures;
import org.wedops.deploy.DeployIntegrationTest;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.docker.TestDockerEngine;

/**
 * The Docker driver against the real test Docker Engine. Three tags of an imported busybox image stand for versions of
 * the service: 1 and 2 contain /bin/ok, which the containers' HEALTHCHECK tests for; 3 does not, so it turns unhealthy.
 */
@DeployIntegrationTest
class DockerDeploymentIT {

    private static final String LABEL = "org.wedops.it";
    private static DockerClient docker;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    private String region;

    @BeforeAll
    static void images() throws Exception {
        docker = TestDockerEngine.connect();
        TestDockerEngine.ensureImage(docker, "wedops-it/web:1", List.of("ok"));
        TestDockerEngine.ensureImage(docker, "wedops-it/web:2", List.of("ok"));
        TestDockerEngine.ensureImage(docker, "wedops-it/web:3");
    }

    @BeforeEach
    void twoContainersOfVersion1() {
        removeServiceContainers();
        start("1");
        start("1");
        region = unique("docker");
        openRegion(web, region, clock.instant());
    }

    @AfterEach
    void removeServiceContainers() {
        containers().forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    @Test
    void aRollingReplacementLeavesOnlyHealthyContainersOfTheNewVersion() {
        List<String> before = containers().stream().map(Container::getId).toList();

        UUID id = requestAccepted(web, "it-docker", unique("staging"), region, "2");
        awaitPhase(db, id, "SUCCEEDED");

        List<Container> after = containers();
        assertThat(after).hasSize(2).allSatisfy(c -> {
            assertThat(c.getImage()).isEqualTo("wedops-it/web:2");
            assertThat(c.getLabels()).containsEntry("org.wedops.version", "2");
            assertThat(docker.inspectContainerCmd(c.getId()).exec().getState().getHealth().getStatus()).isEqualTo("healthy");
        });
        assertThat(after).extracting(Container::getId).doesNotContainAnyElementsOf(before);
        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
    }

    @Test
    void aNewContainerThatTurnsUnhealthyIsRemovedAndTheOldOnesKeepServing() {
        List<String> before = containers().stream().map(Container::getId).toList();

        UUID id = requestAccepted(web, "it-docker", unique("staging"), region, "3");
        awaitPhase(db, id, "ROLLED_BACK");

        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "FAILED", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(db.sql("select detail from deployment_phase where deployment_id = :id and phase = 'FAILED'").bind("id", id)
                .map((row, meta) -> row.get(0, String.class)).one().block()).contains("turned unhealthy");
        assertRolledBackInTime(db, id);
        assertThat(containers()).extracting(Container::getId).containsExactlyInAnyOrderElementsOf(before);
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, "web")).exec())
                .noneMatch(c -> c.getImage().equals("wedops-it/web:3"));
    }

    @Test
    void aMigrationContainerThatFailsRollsNothingOutAndOneThatSucceedsLetsTheRolloutGoOn() {
        List<String> before = containers().stream().map(Container::getId).toList();
        String environment = unique("staging");

        UUID failing = requestAccepted(web, "it-docker-mig", environment, region, "3");
        awaitPhase(db, failing, "FAILED");
        assertThat(phaseNames(db, failing)).containsExactly("REQUESTED", "MIGRATING", "FAILED");
        assertThat(DeployFixtures.phases(db, failing).get(2).get("detail").toString()).contains("migration container of 3 exited with 1");
        assertThat(containers()).extracting(Container::getId).containsExactlyInAnyOrderElementsOf(before);
        assertThat(migrationContainers()).isEmpty();

        UUID next = requestAccepted(web, "it-docker-mig", environment, region, "2");
        awaitPhase(db, next, "SUCCEEDED");
        assertThat(phaseNames(db, next)).containsExactly("REQUESTED", "MIGRATING", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
        assertThat(containers()).hasSize(2).allSatisfy(c -> assertThat(c.getImage()).isEqualTo("wedops-it/web:2"));
        assertThat(migrationContainers()).isEmpty();
    }

    private static List<Container> migrationContainers() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("org.wedops.migration", "it-docker-mig")).exec();
    }

    private static void start(String version) {
        String id = docker.createContainerCmd("wedops-it/web:" + version)
                .withCmd("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done")
                .withLabels(Map.of(LABEL, "web", "org.wedops.version", version))
                .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "test", "-e", "/bin/ok"))
                        .withInterval(300_000_000L).withTimeout(1_000_000_000L).withRetries(1).withStartPeriod(0L))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        docker.startContainerCmd(id).exec();
    }

    private static List<Container> containers() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, "web")).exec();
    }
}
