package org.wedops.support.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;

class RegionProtectionTest {

    private static final Instant NOW = Instant.parse("2026-06-06T12:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    /**
     * state: none | open | frozen | wedding | emergency | until (freeze ended flag off, but freezeUntil ahead);
     * nextChange: minutes from now, or - for none.
     */
    @ParameterizedTest(name = "state={0} caughtUp={1} nextChange={2}min -> {3}, automatic actions forbidden={4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            open      | true  | 60  | KNOWN   | false | -
            open      | true  | -   | KNOWN   | false | -
            open      | true  | -1  | KNOWN   | false | -
            open      | true  | -2  | KNOWN   | false | -
            open      | true  | -3  | STALE   | true  | it was due to change at 2026-06-06T11:57:00Z
            frozen    | true  | -3  | STALE   | true  | no newer state has arrived
            frozen    | true  | 60  | KNOWN   | true  | protected window (weekend freeze) until 2026-06-06T13:00:00Z
            wedding   | true  | 60  | KNOWN   | true  | protected window (wedding w-1)
            emergency | true  | 60  | KNOWN   | true  | protected window (emergency) until the emergency ends
            until     | true  | 60  | KNOWN   | true  | until 2026-06-06T13:00:00Z
            none      | true  | -   | UNKNOWN | true  | the scaling-planner has published no state for it
            open      | false | 60  | UNKNOWN | true  | has not yet read ops.protection.v1 to its end
            none      | false | -   | UNKNOWN | true  | has not yet read ops.protection.v1 to its end
            """)
    void onlyAKnownStateOutsideAProtectedWindowLetsAutomaticActionsThrough(String kind, boolean caughtUp, Integer nextChangeMinutes,
                                                                          RegionProtection.Knowledge knowledge, boolean forbidden, String reason) {
        Instant nextChange = nextChangeMinutes == null ? null : NOW.plus(Duration.ofMinutes(nextChangeMinutes));
        RegionProtection protection = RegionProtection.classify("uk", state(kind, nextChange), caughtUp, NOW, STALE_AFTER);

        assertThat(protection.knowledge()).isEqualTo(knowledge);
        assertThat(protection.forbidsAutomaticActions(NOW)).isEqualTo(forbidden);
        if (reason == null) {
            assertThat(protection.reason(NOW)).isNull();
        } else {
            assertThat(protection.reason(NOW)).contains(reason);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"open", "frozen"})
    void aStaleStateKeepsWhatWasLastKnownForDisplayButGivesNoWindowEnd(String kind) {
        RegionProtection stale = RegionProtection.classify("uk", state(kind, NOW.minus(Duration.ofHours(1))), true, NOW, STALE_AFTER);

        assertThat(stale.lastState()).isPresent();
        assertThat(stale.protectedUntil(NOW)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"open", "frozen"})
    void aStateStampedInTheFutureIsNotTrusted(String kind) {
        ProtectionState future = ProtectionState.newBuilder(state(kind, NOW.plus(Duration.ofDays(365))))
                .setOccurredAt(NOW.plus(Duration.ofDays(30))).build();
        RegionProtection protection = RegionProtection.classify("uk", future, true, NOW, STALE_AFTER);

        assertThat(protection.knowledge()).isEqualTo(RegionProtection.Knowledge.UNKNOWN);
        assertThat(protection.forbidsAutomaticActions(NOW)).isTrue();
        assertThat(protection.reason(NOW)).contains("stamped in the future");
    }

    private static ProtectionState state(String kind, Instant nextChange) {
        if (kind.equals("none")) {
            return null;
        }
        Instant hourAhead = NOW.plus(Duration.ofHours(1));
        ProtectionState.Builder builder = ProtectionState.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(NOW.minusSeconds(600))
                .setRegion("uk").setTimeZone("Europe/London").setLevel(ProtectionLevel.NORMAL).setProfile(ThresholdProfile.STANDARD)
                .setFreezeActive(false).setNextChangeAt(nextChange);
        return switch (kind) {
            case "open" -> builder.build();
            case "frozen" -> builder.setFreezeActive(true).setFreezeUntil(hourAhead).setReasons(List.of("weekend freeze")).build();
            case "wedding" -> builder.setWeddingActive(true).setReasons(List.of("wedding w-1")).build();
            case "emergency" -> builder.setEmergency(true).setLevel(ProtectionLevel.EMERGENCY).setReasons(List.of("emergency")).build();
            case "until" -> builder.setFreezeUntil(hourAhead).build();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
