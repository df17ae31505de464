package org.wedops.health;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wedops.health.classification.HealthThresholds;
import org.wedops.health.targets.TargetRegistration;

/**
 * Settings of the health-collector.
 *
 * @param tick          how often due targets are looked for
 * @param concurrency   most probes in flight at once; a slow target only holds its own slot
 * @param confirmations consecutive results that must agree before a target's status changes (anti-flapping)
 * @param retention     how long check history is kept
 * @param thresholds    thresholds per profile (STANDARD, PEAK_SEASON, WEDDING_DAY)
 * @param targets       HTTP targets configured at start (the admin API adds more at run time)
 * @param restarts      automatic restart budget
 * @param docker        the Docker Engine source
 * @param kubernetes    the Kubernetes source
 */
@ConfigurationProperties("wedops.health")
public record HealthCollectorProperties(
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("64") int concurrency,
        @DefaultValue("2") int confirmations,
        @DefaultValue("30d") Duration retention,
        @DefaultValue HealthThresholds.Profiles thresholds,
        @DefaultValue List<TargetRegistration> targets,
        @DefaultValue Restarts restarts,
        @DefaultValue Docker docker,
        @DefaultValue Kubernetes kubernetes) {

    /**
     * @param budget       automatic restarts allowed per target within {@code budgetPeriod}
     * @param budgetPeriod the period the budget refills in
     */
    public record Restarts(@DefaultValue("3") int budget, @DefaultValue("1h") Duration budgetPeriod) {
    }

    /**
     * @param enabled  whether containers are watched
     * @param host     the engine, e.g. unix:///var/run/docker.sock, a socket proxy's socket, or tcp://engine.internal:2376 with
     *                 TLS; empty means DOCKER_HOST or the default socket. Never a plaintext TCP port: whoever reaches it is
     *                 root on the host
     * @param tlsVerify whether to speak TLS to the engine, proving this client with cert.pem/key.pem and trusting only an
     *                  engine signed by ca.pem; empty means DOCKER_TLS_VERIFY
     * @param certPath  the folder holding ca.pem, cert.pem and key.pem; empty means DOCKER_CERT_PATH
     * @param labels   label selector: a container is watched when it carries every one of these labels (default wedops.watch=true)
     * @param interval how often containers are checked
     * @param concurrency most containers inspected at once
     * @param statsEvery  CPU and memory are sampled on every n-th check of a container (the engine's stats call waits
     *                    for two samples a second apart and costs the engine more than everything else); state and
     *                    health are read on every check
     */
    public record Docker(@DefaultValue("false") boolean enabled, String host,
                         java.util.Map<String, String> labels,
                         @DefaultValue("15s") Duration interval, @DefaultValue("48") int concurrency,
                         @DefaultValue("4") int statsEvery,
                         Boolean tlsVerify, java.nio.file.Path certPath) {

        public Docker {
            if (Boolean.TRUE.equals(tlsVerify)) {
                if (certPath == null) {
                    throw new IllegalArgumentException("wedops.health.docker.cert-path is required when tls-verify is true");
                }
                for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
                    if (!java.nio.file.Files.isReadable(certPath.resolve(file))) {
                        throw new IllegalArgumentException("wedops.health.docker.cert-path: " + certPath.resolve(file) + " cannot be read");
                    }
                }
            }
        }
    }

    /**
     * @param enabled    whether pods are watched
     * @param namespaces namespaces to watch
     * @param labels     label selector of the watched pods
     * @param interval   how often pods are checked
     */
    public record Kubernetes(@DefaultValue("false") boolean enabled, @DefaultValue("default") List<String> namespaces,
                             java.util.Map<String, String> labels, @DefaultValue("15s") Duration interval) {
    }
}
