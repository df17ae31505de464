package org.wedops.health.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Docker Engine source.
 *
 * @param enabled   whether containers are watched
 * @param host      the engine, e.g. unix:///var/run/docker.sock, a socket proxy's socket, or tcp://engine.internal:2376 with
 *                  TLS; empty means DOCKER_HOST or the default socket. Never a plaintext TCP port: whoever reaches it is
 *                  root on the host
 * @param labels    label selector: a container is watched when it carries every one of these labels (default wedops.watch=true)
 * @param interval  how often containers are checked
 * @param concurrency most containers inspected at once
 * @param statsEvery  CPU and memory are sampled on every n-th check of a container (the engine's stats call waits
 *                    for two samples a second apart and costs the engine more than everything else); state and
 *                    health are read on every check
 * @param tlsVerify whether to speak TLS to the engine, proving this client with cert.pem/key.pem and trusting only an
 *                  engine signed by ca.pem; empty means DOCKER_TLS_VERIFY
 * @param certPath  the folder holding ca.pem, cert.pem and key.pem; empty means DOCKER_CERT_PATH
 */
@Validated
@ConfigurationProperties("wedops.health.docker")
public record DockerProperties(@DefaultValue("false") boolean enabled, String host, Map<String, String> labels,
                               @NotNull @DefaultValue("15s") Duration interval, @Min(1) @DefaultValue("48") int concurrency,
                               @DefaultValue("4") int statsEvery, Boolean tlsVerify, Path certPath) {

    public DockerProperties {
        if (Boolean.TRUE.equals(tlsVerify)) {
            if (certPath == null) {
                throw new IllegalArgumentException("wedops.health.docker.cert-path is required when tls-verify is true");
            }
            for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
                if (!Files.isReadable(certPath.resolve(file))) {
                    throw new IllegalArgumentException("wedops.health.docker.cert-path: " + certPath.resolve(file) + " cannot be read");
                }
            }
        }
    }
}
