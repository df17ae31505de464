package org.wedops.testsupport.kubernetes;

import java.util.HashMap;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/** One fabric8 mock API server in CRUD mode per test JVM, like the broker and the database; stopped when the JVM ends. */
public final class SharedKubernetes {

    private static KubernetesMockServer server;

    private SharedKubernetes() {
    }

    public static synchronized KubernetesMockServer server() {
        if (server == null) {
            server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
            server.init();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "kubernetes-mock-stop"));
        }
        return server;
    }
}
