package org.wedops.deploy.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wedops.deploy.DeployFixtures.assertRolledBackInTime;
import static org.wedops.deploy.DeployFixtures.awaitPhase;
import static org.wedops.deploy.DeployFixtures.openRegion;
import static org.wedops.deploy.DeployFixtures.phase;
import static org.wedops.deploy.DeployFixtures.phaseNames;
import static org.wedops.deploy.DeployFixtures.requestAccepted;
import static org.wedops.deploy.DeployFixtures.unique;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.deploy.DeployIntegrationTest;
import org.wedops.testsupport.MutableClock;

/**
 * The Kubernetes driver against the fabric8 mock API server (CRUD): the test plays the Deployment controller, writing
 * the status a real cluster would, and the orchestrator must follow it — not declare success on the patch alone.
 */
@DeployIntegrationTest
class KubernetesDeploymentIT {

    @Autowired
    KubernetesClient kubernetes;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    private String region;

    @BeforeEach
    void webRunsVersion1OnTwoReplicas() {
        kubernetes.apps().deployments().inNamespace("it").withName("web").delete();
        await().until(() -> web().get() == null);
        kubernetes.apps().deployments().inNamespace("it").resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("it").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.local/web:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        controllerReports(d -> new DeploymentStatusBuilder().withObservedGeneration(generation(d)).withReplicas(2)
                .withUpdatedReplicas(2).withAvailableReplicas(2).withReadyReplicas(2).build());
        region = unique("k8s");
        openRegion(web, region, clock.instant());
    }

    @Test
    void aRolloutIsFollowedUntilEveryReplicaIsUpdatedAndAvailable() {
        UUID id = requestAccepted(web, "it-k8s", unique("staging"), region, "2");
        await().until(() -> "registry.local/web:2".equals(image()));

        // the controller has not observed the new template yet: still rolling out
        assertThat(phase(db, id)).isEqualTo("ROLLING_OUT");
        controllerReports(d -> new DeploymentStatusBuilder().withObservedGeneration(generation(d)).withReplicas(2)
                .withUpdatedReplicas(2).withAvailableReplicas(2).withReadyReplicas(2).build());

        awaitPhase(db, id, "SUCCEEDED");
        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
        assertThat(db.sql("select previous_version from deployment where id = :id").bind("id", id)
                .map((row, meta) -> row.get(0, String.class)).one().block()).isEqualTo("1");
    }

    @Test
    void aRolloutPastItsProgressDeadlineFailsAndThePreviousImageIsRestored() {
        UUID id = requestAccepted(web, "it-k8s", unique("staging"), region, "3");
        await().until(() -> "registry.local/web:3".equals(image()));
        controllerReports(d -> new DeploymentStatusBuilder().withObservedGeneration(generation(d)).withReplicas(3)
                .withUpdatedReplicas(1).withAvailableReplicas(2).withConditions(new DeploymentConditionBuilder().withType("Progressing")
                        .withStatus("False").withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet web-3 has timed out progressing")
                        .build()).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> "registry.local/web:1".equals(image()));
        assertThat(phase(db, id)).isEqualTo("ROLLING_BACK");
        controllerReports(d -> new DeploymentStatusBuilder().withObservedGeneration(generation(d)).withReplicas(2)
                .withUpdatedReplicas(2).withAvailableReplicas(2).withReadyReplicas(2).build());

        awaitPhase(db, id, "ROLLED_BACK");
        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "FAILED", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(db.sql("select detail from deployment_phase where deployment_id = :id and phase = 'FAILED'").bind("id", id)
                .map((row, meta) -> row.get(0, String.class)).one().block()).contains("exceeded its progress deadline", "ReplicaSet web-3 has timed out progressing");
        assertRolledBackInTime(db, id);
    }

    @Test
    void aFailedMigrationJobRollsNothingOutAndASucceededOneLetsTheRolloutGoOn() {
        String environment = unique("staging");
        UUID failing = requestAccepted(web, "it-k8s-mig", environment, region, "2");
        await().until(() -> migration("2").get() != null);
        assertThat(migration("2").get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.local/web-migrate:2");
        assertThat(phase(db, failing)).isEqualTo("MIGRATING");
        migration("2").editStatus(job -> {
            job.setStatus(new JobStatusBuilder().withFailed(1).build());
            return job;
        });
        awaitPhase(db, failing, "FAILED");
        assertThat(phaseNames(db, failing)).containsExactly("REQUESTED", "MIGRATING", "FAILED");
        assertThat(image()).isEqualTo("registry.local/web:1");

        UUID next = requestAccepted(web, "it-k8s-mig", environment, region, "3");
        await().until(() -> migration("3").get() != null);
        assertThat(image()).isEqualTo("registry.local/web:1");
        migration("3").editStatus(job -> {
            job.setStatus(new JobStatusBuilder().withSucceeded(1).build());
            return job;
        });
        await().until(() -> "registry.local/web:3".equals(image()));
        controllerReports(d -> new DeploymentStatusBuilder().withObservedGeneration(generation(d)).withReplicas(2)
                .withUpdatedReplicas(2).withAvailableReplicas(2).withReadyReplicas(2).build());
        awaitPhase(db, next, "SUCCEEDED");
        assertThat(phaseNames(db, next)).containsExactly("REQUESTED", "MIGRATING", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
    }

    private ScalableResource<Job> migration(String version) {
        return kubernetes.batch().v1().jobs().inNamespace("it").withName("web-migrate-" + version);
    }

    private RollableScalableResource<Deployment> web() {
        return kubernetes.apps().deployments().inNamespace("it").withName("web");
    }

    private String image() {
        Deployment d = web().get();
        return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private void controllerReports(Function<Deployment, DeploymentStatus> status) {
        UnaryOperator<Deployment> edit = d -> {
            d.setStatus(status.apply(d));
            return d;
        };
        web().editStatus(edit);
    }

    private static long generation(Deployment d) {
        return d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    }

}
