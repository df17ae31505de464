package org.wedops.deploy.drivers.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Docker Engine the docker driver deploys to. Each setting left empty falls back to docker-java's defaults, which
 * read {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}.
 *
 * @param host      the engine, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://engine.internal:2376} (TCP only
 *                  with TLS: a plaintext engine port gives root on the host to anyone who reaches it)
 * @param tlsVerify whether to speak TLS to the engine, proving this client with {@code cert.pem}/{@code key.pem} and
 *                  trusting only the engine signed by {@code ca.pem}
 * @param certPath  the folder holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}
 */
@ConfigurationProperties("wedops.deploy.docker-engine")
public record DockerEngineProperties(String host, Boolean tlsVerify, Path certPath) {

    static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");

    public DockerEngineProperties {
        if (Boolean.TRUE.equals(tlsVerify)) {
            if (certPath == null) {
                throw new IllegalArgumentException("wedops.deploy.docker-engine.cert-path is required when tls-verify is true");
            }
            for (String file : TLS_FILES) {
                if (!Files.isReadable(certPath.resolve(file))) {
                    throw new IllegalArgumentException("wedops.deploy.docker-engine.cert-path: " + certPath.resolve(file) + " cannot be read");
                }
            }
        }
    }
}
