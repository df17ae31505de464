package org.wedops.alert.routing;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time zone a region's time intervals are read in, until the region's ProtectionState says otherwise.
 *
 * @param regionZones time zone of each region (a zone Java does not know stops the service at start-up)
 */
@ConfigurationProperties("wedops.alert")
public record RegionZones(Map<String, ZoneId> regionZones) {

    public RegionZones {
        regionZones = regionZones == null ? Map.of() : Map.copyOf(regionZones);
    }

    /** The zone a region's local times are read in: the planner's word first, then configuration, then UTC. */
    public ZoneId zoneOf(String region, Optional<String> published) {
        if (published.isPresent()) {
            return ZoneId.of(published.get());
        }
        return region != null && regionZones.containsKey(region) ? regionZones.get(region) : ZoneOffset.UTC;
    }
}
