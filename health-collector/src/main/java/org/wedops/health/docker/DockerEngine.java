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

/**
 * The Docker Engine client (docker-java over Apache HttpClient 5), built once from configuration, else DOCKER_HOST,
 * DOCKER_TLS_VERIFY and DOCKER_CERT_PATH. The TLS settings reach the transport through {@code sslConfig}: with
 * tls-verify the engine must show a certificate signed by ca.pem and this client proves itself with cert.pem.
 */
public class DockerEngine implements DisposableBean, AutoCloseable {

    private final DockerClient client;
    private final DockerHttpClient http;
    private final ObjectMapper json;

    public DockerEngine(DockerProperties settings) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (settings.host() != null && !settings.host().isBlank()) {
            config.withDockerHost(settings.host());
        }
        if (settings.tlsVerify() != null) {
            config.withDockerTlsVerify(settings.tlsVerify());
        }
        if (settings.certPath() != null) {
            config.withDockerCertPath(settings.certPath().toString());
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
     * {@code stream=false} call, for which the engine waits a second for a second reading, and every sampled check would
     * hold its slot for that second (bench/health-collector/README.md measures what it cost). The reading carries
     * cumulative CPU counters only, so the caller computes CPU % against its own previous reading.
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
    public void destroy() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
