package org.wedops.planner;

import java.time.Instant;
import java.util.HashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every planner integration test shares: a clock the tests move, and a fabric8 mock API server in CRUD mode
 * (one per test JVM, like the broker and the database) that the planner applies its decisions to.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlannerTestConfiguration {

    private static KubernetesMockServer server;

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

    public static synchronized KubernetesMockServer kubernetes() {
        if (server == null) {
            server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
            server.init();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "kubernetes-mock-stop"));
        }
        return server;
    }
}
