package org.wedops.apm.aggregation;

import org.wedops.events.ApmSample;

/**
 * The key of ops.apm.samples.v1 and ops.apm.windows.v1: kind|service|operation|provider|region|environment. One
 * series stays on one partition, so one consumer builds each series' windows.
 */
public final class SeriesKey {

    private SeriesKey() {
    }

    public static String of(ApmSample sample) {
        return String.join("|", sample.getKind().name(), sample.getService(), sample.getOperation(),
                sample.getProvider() == null ? "" : sample.getProvider(), sample.getRegion(), sample.getEnvironment());
    }
}
