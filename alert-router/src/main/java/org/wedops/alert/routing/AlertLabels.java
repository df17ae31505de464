package org.wedops.alert.routing;

import java.util.HashMap;
import java.util.Map;

import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.support.protection.ProtectionStates;

/**
 * The labels routes, silences and inhibition rules match on: the alert's own labels plus {@code alertname},
 * {@code severity}, {@code service}, {@code region}, {@code source}, {@code profile} and {@code wedding_active}
 * (from the region's current protection state), so wedding-day policies are configuration, not code.
 */
public final class AlertLabels {

    public static final String WEDDING_ACTIVE = "wedding_active";

    private AlertLabels() {
    }

    public static Map<String, String> of(StoredAlert alert, ProtectionStates protection) {
        Map<String, String> labels = new HashMap<>(alert.labels());
        labels.put("alertname", alert.name());
        labels.put("severity", alert.severity());
        labels.put("service", alert.service());
        labels.put("region", alert.region() == null ? "" : alert.region());
        labels.put("source", alert.source());
        labels.put("profile", alert.profile());
        boolean weddingActive = alert.region() != null
                && protection.of(alert.region()).map(state -> state.getWeddingActive()).orElse(false);
        labels.put(WEDDING_ACTIVE, Boolean.toString(weddingActive || "WEDDING_DAY".equals(alert.profile())));
        return Map.copyOf(labels);
    }
}
