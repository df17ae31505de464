package org.wedops.deploychecks;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Applies a rendered overlay to the fabric8 mock API server, as kubectl apply would create it. */
public final class MockCluster {

    private MockCluster() {
    }

    /** Creates every built-in object; the operators' custom resources need their CRDs, which the mock server lacks. */
    public static int apply(KubernetesClient client, Rendered rendered) {
        int created = 0;
        for (HasMetadata item : rendered.items()) {
            if (item instanceof GenericKubernetesResource) {
                continue;
            }
            client.resource(item).create();
            created++;
        }
        return created;
    }
}
