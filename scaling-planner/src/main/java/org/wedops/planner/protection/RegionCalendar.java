package org.wedops.planner.protection;

import java.time.ZoneId;
import java.util.List;

/**
 * What the protection of one region is computed from.
 *
 * @param emergency the emergency in force, or null
 */
public record RegionCalendar(String region, ZoneId zone, List<PlannedWedding> weddings, Emergency emergency) {

    public RegionCalendar {
        weddings = List.copyOf(weddings);
    }
}
