package org.wedops.health.docker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import org.springframework.beans.factory.DisposableBean;
import org.wedops.health.HealthCollectorProperties;

/** The Docker Engine client (docker-java over Apache HttpClient 5), built once from configuration or DOCKER_HOST. */
public class DockerEngine implements DisposableBean {

    private final DockerClient client;
    private final DockerHttpClient http;
    private final ObjectMapper json;

    public DockerEngine(HealthCollectorProperties.Docker settings) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (settings.host() != null && !settings.host().isBlank()) {
            config.withDockerHost(settings.host());
        }
        DockerClientConfig built = config.build();
        this.http = new ApacheDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .maxConnections(Math.max(8, settings.concurrency() * 2))
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        this.json = built.getObjectMapper();
        this.client = DockerClientImpl.getInstance(built, http);
    }

    public DockerClient client() {
        return client;
    }

    /**
     * One stats reading taken at once ({@code one-shot}, engine API 1.41+). docker-java only offers the plain
     * {@code stream=false} call, for which the engine waits a second for a second reading; with 200 containers those
     * waits are what made the Docker source fall behind. The reading carries cumulative CPU counters only, so the
     * caller computes CPU % against its own previous reading.
     */
    Statistics oneShotStats(String containerId) throws IOException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + containerId + "/stats?stream=false&one-shot=true")
                .build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                throw new IOException("stats of " + containerId + " answered HTTP " + response.getStatusCode());
            }
            return json.readValue(body, Statistics.class);
        }
    }

    @Override
    public void destroy() throws Exception {
        client.close();
    }
}
