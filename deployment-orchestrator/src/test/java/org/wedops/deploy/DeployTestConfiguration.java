package org.wedops.deploy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.wedops.testsupport.kubernetes.SharedKubernetes;

/** A clock the tests can start on a chosen day, and the fabric8 mock API server in CRUD mode (one per test JVM). */
@TestConfiguration(proxyBeanMethods = false)
public class DeployTestConfiguration {

    @Bean
    @Primary
    OffsetClock testClock() {
        return new OffsetClock();
    }

    @Bean(destroyMethod = "close")
    @Primary
    KubernetesClient mockKubernetesClient() {
        return kubernetes().createClient();
    }

    public static KubernetesMockServer kubernetes() {
        return SharedKubernetes.server();
    }
}
