package org.wedops.deploy.drivers.docker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.wedops.deploy.drivers.DeployableServices.Docker;
import org.wedops.deploy.drivers.DeployableServices.DriverKind;
import org.wedops.deploy.drivers.DeployTarget;
import org.wedops.deploy.drivers.DriverFailure;
import org.wedops.deploy.drivers.Drivers;

/**
 * Deploys the containers carrying the service's label by rolling replacement, one at a time: start a container of the
 * new image (same command, environment, labels and HEALTHCHECK as the one it replaces), wait until Docker reports it
 * healthy, then stop and remove the old one. A new container that turns unhealthy is removed and the step fails with
 * the old one still serving. A rollback is the same replacement towards the previous version. Each container's
 * version is its {@value #VERSION_LABEL} label.
 */
@Component
@RequiredArgsConstructor
class DockerDriver implements Drivers.KindedDriver {

    static final String VERSION_LABEL = "org.wedops.version";

    private final ObjectProvider<DockerClient> clients;

    @Override
    public DriverKind kind() {
        return DriverKind.DOCKER;
    }

    @Override
    public String currentVersion(DeployTarget target) {
        return containers(target).stream().map(c -> c.getLabels().get(VERSION_LABEL)).filter(v -> v != null).findFirst().orElse(null);
    }

    @Override
    public boolean hasMigration(DeployTarget target) {
        return !settings(target).migration().isEmpty();
    }

    @Override
    public String migrate(DeployTarget target, String version) {
        DockerClient docker = clients.getObject();
        String id = docker.createContainerCmd(settings(target).image() + ":" + version).withCmd(settings(target).migration())
                .withLabels(Map.of("org.wedops.migration", target.service())).exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            int exit = docker.waitContainerCmd(id).start().awaitStatusCode();
            if (exit != 0) {
                throw new DriverFailure("migration container of " + version + " exited with " + exit);
            }
            return "migration container of " + version + " exited with 0";
        } finally {
            remove(docker, id);
        }
    }

    @Override
    public String moveTo(DeployTarget target, String version, String step) {
        List<Container> running = containers(target);
        if (running.isEmpty()) {
            throw new DriverFailure("no running container labelled " + settings(target).label());
        }
        StringBuilder done = new StringBuilder(step).append(" to ").append(version).append(':');
        for (Container old : running) {
            if (version.equals(old.getLabels().get(VERSION_LABEL))) {
                continue; // already there: a repeated step after a restart changes nothing
            }
            String replacement = replace(target, old, version);
            done.append(' ').append(shortId(old.getId())).append("→").append(shortId(replacement));
        }
        return done.toString();
    }

    private String replace(DeployTarget target, Container old, String version) {
        DockerClient docker = clients.getObject();
        InspectContainerResponse inspected = docker.inspectContainerCmd(old.getId()).exec();
        Map<String, String> labels = new HashMap<>(inspected.getConfig().getLabels() == null ? Map.of() : inspected.getConfig().getLabels());
        labels.put(VERSION_LABEL, version);
        CreateContainerCmd create = docker.createContainerCmd(settings(target).image() + ":" + version).withLabels(labels);
        if (inspected.getConfig().getCmd() != null) {
            create.withCmd(inspected.getConfig().getCmd());
        }
        if (inspected.getConfig().getEnv() != null) {
            create.withEnv(inspected.getConfig().getEnv());
        }
        if (inspected.getConfig().getHealthcheck() != null) {
            create.withHealthcheck(inspected.getConfig().getHealthcheck());
        }
        // the same network and restart policy; host port bindings are not copied, they would clash while both run
        HostConfig host = HostConfig.newHostConfig();
        if (inspected.getHostConfig() != null) {
            host.withNetworkMode(inspected.getHostConfig().getNetworkMode()).withRestartPolicy(inspected.getHostConfig().getRestartPolicy());
        }
        create.withHostConfig(host);
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        try {
            awaitHealthy(docker, id, settings(target).poll());
        } catch (RuntimeException e) {
            remove(docker, id);
            throw e;
        }
        docker.stopContainerCmd(old.getId()).withTimeout(5).exec();
        remove(docker, old.getId());
        return id;
    }

    /** Healthy per its HEALTHCHECK, or merely running when it has none. */
    private static void awaitHealthy(DockerClient docker, String id, Duration poll) {
        while (true) {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                throw new DriverFailure("new container " + shortId(id) + " stopped (exit " + state.getExitCodeLong() + ")");
            }
            String health = state.getHealth() == null ? null : state.getHealth().getStatus();
            if (health == null || "healthy".equals(health)) {
                return;
            }
            if ("unhealthy".equals(health)) {
                throw new DriverFailure("new container " + shortId(id) + " turned unhealthy");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverFailure("interrupted while waiting for " + shortId(id) + " to turn healthy", e);
            }
        }
    }

    private List<Container> containers(DeployTarget target) {
        String[] label = settings(target).label().split("=", 2);
        Map<String, String> filter = label.length == 2 ? Map.of(label[0], label[1]) : Map.of(label[0], "");
        return clients.getObject().listContainersCmd().withLabelFilter(filter).exec();
    }

    private static void remove(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
            // already removed: the wanted outcome
        }
    }

    private static Docker settings(DeployTarget target) {
        if (target.settings().docker() == null) {
            throw new DriverFailure("service " + target.service() + " has no docker settings");
        }
        return target.settings().docker();
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
