package org.wedops.testsupport.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For a test context whose service applies its decisions to Kubernetes: the service's {@code KubernetesClient} talks to
 * the JVM's one mock API server in CRUD mode ({@link SharedKubernetes}), and tests autowire the same client to set up
 * and read the cluster.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedKubernetesClient {

    @Bean(destroyMethod = "close")
    @Primary
    KubernetesClient mockKubernetesClient() {
        return SharedKubernetes.server().createClient();
    }
}
