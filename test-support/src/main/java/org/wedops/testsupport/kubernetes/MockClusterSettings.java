package org.wedops.testsupport.kubernetes;

/**
 * Points a service under test at a fabric8 mock API server through fabric8's standard system properties, as a pod's
 * own settings would, so the service builds its client itself; and takes them away again.
 */
public final class MockClusterSettings {

    private static final String[] PROPERTIES = {"kubernetes.master", "kubernetes.auth.tryKubeConfig", "kubernetes.auth.tryServiceAccount",
            "kubernetes.namespace"};

    private MockClusterSettings() {
    }

    public static void pointAt(String masterUrl, String namespace) {
        System.setProperty("kubernetes.master", masterUrl);
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        System.setProperty("kubernetes.namespace", namespace);
    }

    public static void clear() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }
}
