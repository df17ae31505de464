package org.wedops.planner.protection;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultTimeZone zone of a region the {@code region} table does not know yet (a wedding whose event names no
 *                        zone, an emergency in a new region); such a region is registered with this zone
 */
@ConfigurationProperties("wedops.planner")
public record DefaultZoneProperties(@DefaultValue("Europe/London") ZoneId defaultTimeZone) {
}
