package org.wedops.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;

/**
 * Protection states as the scaling-planner publishes them, for tests of the services that obey them. Services treat
 * a region without a state as protected, so a test that expects an automatic action publishes an open region first.
 */
public final class TestProtection {

    private TestProtection() {
    }

    /** An open region whose next change is a day away: automatic actions are allowed there. */
    public static ProtectionState open(String region, Instant now) {
        return base(region, now).setNextChangeAt(now.plus(Duration.ofDays(1))).build();
    }

    /** A wedding in progress until {@code until}: the region is frozen. */
    public static ProtectionState wedding(String region, Instant now, Instant until, String reason) {
        return base(region, now).setLevel(ProtectionLevel.MAXIMUM).setProfile(ThresholdProfile.WEDDING_DAY)
                .setFreezeActive(true).setFreezeUntil(until).setWeddingActive(true).setActiveWeddings(1)
                .setReasons(List.of(reason)).setNextChangeAt(until).build();
    }

    public static void publish(ProtectionState state) {
        TestEvents.send(Topics.PROTECTION, state.getRegion(), state);
    }

    private static ProtectionState.Builder base(String region, Instant now) {
        return ProtectionState.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now).setRegion(region)
                .setTimeZone("Europe/London").setLevel(ProtectionLevel.NORMAL).setProfile(ThresholdProfile.STANDARD)
                .setFreezeActive(false);
    }
}
