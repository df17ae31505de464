package org.wedops.apm.ingest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.stereotype.Component;

/**
 * Bounds the {@code service} tag of this service's meters (such as {@code apm.samples.late}): a meter is never removed,
 * and a service name comes from whoever emits, so after the first {@code wedops.apm.series.max-services} services every
 * further one is counted under {@code service=other}. Spring Boot applies every {@link MeterFilter} bean to the registry.
 */
@Component
class ServiceTagLimit implements MeterFilter {

    static final String TAG = "service";
    static final String OTHER = "other";

    private final int maxServices;
    private final Set<String> tagged = ConcurrentHashMap.newKeySet();

    ServiceTagLimit(SeriesSettings series) {
        this.maxServices = series.maxServices();
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("apm.")) {
            return id;
        }
        String service = id.getTag(TAG);
        if (service == null || tagged.contains(service)) {
            return id;
        }
        synchronized (tagged) {
            if (tagged.size() < maxServices) {
                tagged.add(service);
                return id;
            }
        }
        List<Tag> tags = id.getTags().stream().map(tag -> TAG.equals(tag.getKey()) ? Tag.of(TAG, OTHER) : tag).toList();
        return id.replaceTags(tags);
    }
}
