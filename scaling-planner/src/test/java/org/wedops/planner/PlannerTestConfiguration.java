package org.wedops.planner;

import java.time.Instant;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.wedops.testsupport.kubernetes.SharedKubernetes;
import org.wedops.testsupport.MutableClock;

/**
 * What every planner integration test shares: a clock the tests move, and a fabric8 mock API server in CRUD mode
 * (one per test JVM, like the broker and the database) that the planner applies its decisions to.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlannerTestConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Instant.parse("2026-02-09T09:00:00Z"));
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
