package org.wedops.planner;

import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the scaling-planner.
 *
 * @param defaultTimeZone     zone of a wedding whose event names none and whose region the {@code region} table does
 *                            not know yet; every protection window is computed in a wedding's zone
 * @param defaultCalendarSpan days the wedding calendar shows when a query gives no {@code to}
 * @param maxCalendarSpan     longest range one calendar query may ask for, so a query cannot read the whole table
 */
@ConfigurationProperties("wedops.planner")
public record ScalingPlannerProperties(
        @DefaultValue("Europe/London") ZoneId defaultTimeZone,
        @DefaultValue("30d") Period defaultCalendarSpan,
        @DefaultValue("1y") Period maxCalendarSpan) {
}
