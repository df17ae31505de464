package org.wedops.planner;

import java.time.Instant;
import java.util.UUID;

import org.wedops.events.WeddingScheduled;

/** Events as the wedding app would send them. */
public final class PlannerEvents {

    private PlannerEvents() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static WeddingScheduled wedding(String id, String region, String timeZone, String date, String start, String end,
                                           String culture, int guests, int days) {
        return WeddingScheduled.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setWeddingId(id).setDate(date).setStartTime(start).setEndTime(end)
                .setRegion(region).setTimeZone(timeZone).setCulture(culture).setGuestCount(guests).setDays(days).setVenueType("BARN")
                .build();
    }
}
