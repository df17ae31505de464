package org.wedops.health.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.checking.ContainerChecks;
import org.wedops.health.checking.SourcePolling;

/** The Kubernetes source exists only when enabled; the client reads the kubeconfig or the in-cluster service account. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wedops.health.kubernetes.enabled", havingValue = "true")
class KubernetesSourceConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }

    @Bean
    KubernetesPodSource kubernetesPodSource(KubernetesClient client, ContainerChecks checks, HealthCollectorProperties properties,
                                            SourcePolling polling) {
        return new KubernetesPodSource(client, checks, properties, polling);
    }
}
