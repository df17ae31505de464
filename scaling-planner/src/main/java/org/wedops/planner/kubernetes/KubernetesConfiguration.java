package org.wedops.planner.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.planner.scaling.ScalingProperties;
import org.wedops.planner.scaling.ReplicaTarget;

/**
 * Where decisions go: to Kubernetes when {@code wedops.planner.scaling.apply=true} (the client reads the kubeconfig
 * or the in-cluster service account), otherwise nowhere (dry run).
 */
@Configuration(proxyBeanMethods = false)
class KubernetesConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wedops.planner.scaling.apply", havingValue = "true")
    static class Applying {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        KubernetesClient kubernetesClient() {
            return new KubernetesClientBuilder().build();
        }

        @Bean
        ReplicaTarget kubernetesReplicas(KubernetesClient client, ScalingProperties properties) {
            return new KubernetesReplicas(client, properties.mode());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wedops.planner.scaling.apply", havingValue = "false", matchIfMissing = true)
    static class DryRun {

        @Bean
        ReplicaTarget dryRunReplicas(DatabaseClient db) {
            return new DryRunReplicas(db);
        }
    }
}
