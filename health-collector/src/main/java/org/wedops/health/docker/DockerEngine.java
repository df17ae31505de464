package org.wedops.health.docker;

import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import org.springframework.beans.factory.DisposableBean;
import org.wedops.health.HealthCollectorProperties;

/** The Docker Engine client (docker-java over Apache HttpClient 5), built once from configuration or DOCKER_HOST. */
public class DockerEngine implements DisposableBean {

    private final DockerClient client;

    public DockerEngine(HealthCollectorProperties.Docker settings) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (settings.host() != null && !settings.host().isBlank()) {
            config.withDockerHost(settings.host());
        }
        DockerClientConfig built = config.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .maxConnections(Math.max(8, settings.concurrency() * 2))
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        this.client = DockerClientImpl.getInstance(built, http);
    }

    public DockerClient client() {
        return client;
    }

    @Override
    public void destroy() throws Exception {
        client.close();
    }
}
