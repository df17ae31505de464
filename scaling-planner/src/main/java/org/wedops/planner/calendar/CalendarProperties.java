package org.wedops.planner.calendar;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultCalendarSpan days the wedding calendar shows when a query gives no {@code to}
 * @param maxCalendarSpan     longest range one calendar query may ask for, so a query cannot read the whole table
 */
@ConfigurationProperties("wedops.planner")
public record CalendarProperties(@DefaultValue("30d") Period defaultCalendarSpan, @DefaultValue("1y") Period maxCalendarSpan) {

    public CalendarProperties {
        if (defaultCalendarSpan.isNegative() || maxCalendarSpan.isNegative() || maxCalendarSpan.isZero()) {
            throw new IllegalArgumentException("wedops.planner.default-calendar-span must not be negative and wedops.planner.max-calendar-span "
                    + "must be positive, were " + defaultCalendarSpan + " and " + maxCalendarSpan);
        }
    }
}
