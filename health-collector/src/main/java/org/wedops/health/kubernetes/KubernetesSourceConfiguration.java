package org.wedops.health.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.events.HealthSource;
import org.wedops.health.checking.ContainerChecks;
import org.wedops.health.checking.SourcePolling;
import org.wedops.health.restart.Restarter;

/**
 * The Kubernetes source exists only when enabled: the client (it reads the kubeconfig or the in-cluster service
 * account), what watches the pods and, apart from it, what restarts them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wedops.health.kubernetes.enabled", havingValue = "true")
class KubernetesSourceConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }

    /** Deletes the pod (its id is namespace.name, as {@link PodObservations#id} makes it) so its controller replaces it. */
    @Bean
    Restarter kubernetesRestarter(KubernetesClient client) {
        return new Restarter(HealthSource.KUBERNETES, pod -> {
            int dot = pod.indexOf('.');
            client.pods().inNamespace(pod.substring(0, dot)).withName(pod.substring(dot + 1)).delete();
        });
    }

    @Bean
    KubernetesPodSource kubernetesPodSource(KubernetesClient client, ContainerChecks checks, KubernetesProperties settings,
                                            SourcePolling polling) {
        return new KubernetesPodSource(client, checks, settings, polling);
    }
}
