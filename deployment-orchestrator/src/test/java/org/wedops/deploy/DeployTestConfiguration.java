package org.wedops.deploy;

import java.util.HashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the tests can start on a chosen day, and the fabric8 mock API server in CRUD mode (one per test JVM). */
@TestConfiguration(proxyBeanMethods = false)
public class DeployTestConfiguration {

    private static KubernetesMockServer server;

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

    public static synchronized KubernetesMockServer kubernetes() {
        if (server == null) {
            server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
            server.init();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "kubernetes-mock-stop"));
        }
        return server;
    }
}
