package org.wedops.deploy.drivers.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.wedops.deploy.drivers.DeployableServices.DriverKind;
import org.wedops.deploy.drivers.DeployableServices.Kubernetes;
import org.wedops.deploy.drivers.DeployTarget;
import org.wedops.deploy.drivers.DriverFailure;
import org.wedops.deploy.drivers.Drivers;

/**
 * Deploys a Kubernetes Deployment by setting its container's image tag to the version, then follows the rollout the way
 * {@code kubectl rollout status} does: done when the controller has observed the new generation and every replica is
 * updated and available; failed when the Progressing condition says ProgressDeadlineExceeded. A rollback sets the
 * previous image back (the only field of the template this driver changes) and follows that rollout the same way.
 * The migration is a Job of the migration image at the version, run to completion before anything is rolled out.
 */
@Component
@RequiredArgsConstructor
class KubernetesDriver implements Drivers.KindedDriver {

    private final ObjectProvider<KubernetesClient> clients;

    @Override
    public DriverKind kind() {
        return DriverKind.KUBERNETES;
    }

    @Override
    public String currentVersion(DeployTarget target) {
        Deployment deployment = resource(target).get();
        if (deployment == null) {
            return null;
        }
        String image = container(deployment, settings(target)).getImage();
        int colon = image.lastIndexOf(':');
        return colon < 0 || image.lastIndexOf('/') > colon ? null : image.substring(colon + 1);
    }

    @Override
    public boolean hasMigration(DeployTarget target) {
        String image = settings(target).migrationImage();
        return image != null && !image.isBlank();
    }

    @Override
    public String migrate(DeployTarget target, String version) {
        Kubernetes k8s = settings(target);
        String name = (k8s.deployment() + "-migrate-" + version).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        var jobs = clients.getObject().batch().v1().jobs().inNamespace(k8s.namespace());
        // after a restart the Job may exist already: follow it instead of running the migration twice
        if (jobs.withName(name).get() == null) {
            jobs.resource(new JobBuilder().withNewMetadata().withName(name).addToLabels("wedops.org/service", target.service()).endMetadata()
                    .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
                    .addNewContainer().withName("migrate").withImage(k8s.migrationImage() + ":" + version).endContainer()
                    .endSpec().endTemplate().endSpec().build()).create();
        }
        while (true) {
            Job job = jobs.withName(name).get();
            if (job == null) {
                throw new DriverFailure("migration Job " + name + " disappeared");
            }
            if (job.getStatus() != null && job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() > 0) {
                return "migration Job " + name + " succeeded";
            }
            if (job.getStatus() != null && job.getStatus().getFailed() != null && job.getStatus().getFailed() > 0) {
                throw new DriverFailure("migration Job " + name + " failed");
            }
            pause(k8s.poll());
        }
    }

    @Override
    public String moveTo(DeployTarget target, String version, String step) {
        Kubernetes k8s = settings(target);
        String image = k8s.image() + ":" + version;
        RollableScalableResource<Deployment> resource = resource(target);
        if (resource.get() == null) {
            throw new DriverFailure("Deployment " + k8s.namespace() + "/" + k8s.deployment() + " not found");
        }
        Deployment edited = resource.edit(d -> {
            container(d, k8s).setImage(image);
            return d;
        });
        long generation = edited.getMetadata().getGeneration() == null ? 0 : edited.getMetadata().getGeneration();
        while (true) {
            Deployment now = resource.get();
            DeploymentStatus status = now.getStatus();
            int wanted = now.getSpec().getReplicas() == null ? 1 : now.getSpec().getReplicas();
            // as kubectl rollout status: nothing in the status speaks of this template until the controller has observed it
            boolean observed = status != null && status.getObservedGeneration() != null && status.getObservedGeneration() >= generation;
            if (observed) {
                for (DeploymentCondition condition : status.getConditions() == null ? List.<DeploymentCondition>of() : status.getConditions()) {
                    if ("Progressing".equals(condition.getType()) && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                        throw new DriverFailure(step + " of " + image + " exceeded its progress deadline: " + condition.getMessage());
                    }
                }
                if (value(status.getUpdatedReplicas()) >= wanted && value(status.getAvailableReplicas()) >= wanted
                        && value(status.getReplicas()) <= wanted) {
                    return step + " of " + image + " complete: " + wanted + " replica(s) updated and available (generation " + generation + ")";
                }
            }
            pause(k8s.poll());
        }
    }

    private RollableScalableResource<Deployment> resource(DeployTarget target) {
        Kubernetes k8s = settings(target);
        return clients.getObject().apps().deployments().inNamespace(k8s.namespace()).withName(k8s.deployment());
    }

    private static Container container(Deployment deployment, Kubernetes k8s) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream().filter(c -> k8s.container() == null || k8s.container().equals(c.getName())).findFirst()
                .orElseThrow(() -> new DriverFailure("Deployment " + k8s.deployment() + " has no container " + k8s.container()));
    }

    private static Kubernetes settings(DeployTarget target) {
        if (target.settings().kubernetes() == null) {
            throw new DriverFailure("service " + target.service() + " has no kubernetes settings");
        }
        return target.settings().kubernetes();
    }

    private static int value(Integer count) {
        return count == null ? 0 : count;
    }

    private static void pause(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverFailure("interrupted while following the rollout", e);
        }
    }
}
