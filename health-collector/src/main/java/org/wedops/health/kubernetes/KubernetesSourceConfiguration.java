package org.wedops.health.kubernetes;

import java.time.Clock;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.checking.CheckRecorder;
import org.wedops.health.restart.RestartDecisions;
import org.wedops.support.database.DeferredMigration;
import org.wedops.support.protection.ProtectionStates;

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
    KubernetesPodSource kubernetesPodSource(KubernetesClient client, CheckRecorder recorder, @Lazy RestartDecisions restarts,
                                            ProtectionStates protection, HealthCollectorProperties properties, DeferredMigration migration,
                                            Clock clock) {
        return new KubernetesPodSource(client, recorder, restarts, protection, properties, migration, clock);
    }
}
