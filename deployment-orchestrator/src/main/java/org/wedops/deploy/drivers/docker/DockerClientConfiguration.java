package org.wedops.deploy.drivers.docker;

import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Docker Engine client, made only when a Docker service is first deployed: {@link DockerEngineProperties} first,
 * then DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, then the local socket. The TLS settings are handed to the
 * transport: docker-java's config reads them, but a transport built without them would speak plaintext.
 */
@Configuration(proxyBeanMethods = false)
class DockerClientConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    DockerClient dockerClient(DockerEngineProperties engine) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (engine.host() != null && !engine.host().isBlank()) {
            builder.withDockerHost(engine.host());
        }
        if (engine.tlsVerify() != null) {
            builder.withDockerTlsVerify(engine.tlsVerify());
        }
        if (engine.certPath() != null) {
            builder.withDockerCertPath(engine.certPath().toString());
        }
        DockerClientConfig config = builder.build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofSeconds(60)).build());
    }
}
