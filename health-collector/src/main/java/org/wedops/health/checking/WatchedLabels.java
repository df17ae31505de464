package org.wedops.health.checking;

import java.util.Map;

/**
 * The labels a watched container or pod carries to say what it is, read the same way for Docker and Kubernetes: its
 * service, its region (whose protection decides its pace and whether it may be restarted) and whether the collector
 * may restart it by itself.
 */
public final class WatchedLabels {

    public static final String SERVICE = "wedops.service";
    public static final String REGION = "wedops.region";
    public static final String AUTO_RESTART = "wedops.auto-restart";
    static final String DEFAULT_REGION = "default";

    private WatchedLabels() {
    }

    /** @param labels a container's or pod's labels, null when it has none */
    public static String region(Map<String, String> labels) {
        return labels == null ? DEFAULT_REGION : labels.getOrDefault(REGION, DEFAULT_REGION);
    }

    public static String service(Map<String, String> labels, String otherwise) {
        return labels == null ? otherwise : labels.getOrDefault(SERVICE, otherwise);
    }

    public static boolean autoRestart(Map<String, String> labels) {
        return labels != null && "true".equalsIgnoreCase(labels.get(AUTO_RESTART));
    }
}
