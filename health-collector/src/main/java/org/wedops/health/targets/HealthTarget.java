package org.wedops.health.targets;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** An HTTP endpoint the collector probes, registered by configuration or through the admin API. */
@Table("health_target")
public record HealthTarget(
        @Id String id,
        String url,
        String service,
        String region,
        int intervalSeconds,
        int timeoutMs,
        Integer expectedStatus,
        String bodyContains,
        boolean autoRestart,
        Instant createdAt,
        String createdBy,
        @Transient boolean isNew) implements Persistable<String> {

    public HealthTarget(String id, String url, String service, String region, int intervalSeconds, int timeoutMs,
                        Integer expectedStatus, String bodyContains, boolean autoRestart, Instant createdAt, String createdBy) {
        this(id, url, service, region, intervalSeconds, timeoutMs, expectedStatus, bodyContains, autoRestart, createdAt, createdBy, false);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
