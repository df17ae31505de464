package org.wedops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Pins the fingerprint of every alert WedOps raises today. Each value was computed by the code that built that alert
 * before {@link AlertSource} existed; alerts stored in users' databases are keyed by them, so none may change.
 */
class AlertSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-06T14:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyServicesFingerprintIsTheOneItHadBeforeTheBuilder() {
        Object[][] table = {
                // source, parts, fingerprint today
                {"health-collector", new String[] {"web-eu-1", "TargetCritical"}, "e7f6ed9fe1d11eb6805019f954b7baac"},
                {"health-collector", new String[] {"ProtectionStale", "eu-west"}, "fa95a10b3f47721dc5899c8e80d5e398"},
                {"apm-ingest", new String[] {"ModelDrift", "fraud-v3", ""}, "79783345482e554902da1bb059a42569"},
                {"apm-ingest", new String[] {"CheckoutLatency", "checkout|POST /pay"}, "c3e2de0d30d544db3a0eaa23fe067d0d"},
                {"manual", new String[] {"VenueWifiDown", "guest-wifi", "null", new TreeMap<>(Map.of("venue", "lake-house", "b", "2")).toString()},
                        "cf8ba03abe687866d5300e2bed02d244"},
                {"manual", new String[] {"VenueWifiDown", "guest-wifi", "eu-west", new TreeMap<>().toString()}, "209b7abf3f03ba8e0ccbd6b36b8946ae"},
        };
        for (Object[] row : table) {
            AlertSource source = new AlertSource((String) row[0], CLOCK);
            String[] parts = (String[]) row[1];
            assertThat(source.fingerprint(parts)).as(row[0] + " " + String.join("/", parts)).isEqualTo(row[2]);
            assertThat(AlertSource.fingerprintOf((String) row[0], parts)).isEqualTo(row[2]);
        }
    }

    @Test
    void thePlainFingerprintsOfThePlannerAndTheOrchestratorStayUnhashed() {
        assertThat(new AlertSource("scaling-planner", CLOCK).plainFingerprint("emergency", "eu-west"))
                .isEqualTo("scaling-planner-emergency-eu-west");
        assertThat(new AlertSource("deployment-orchestrator", CLOCK).plainFingerprint("rolled-back", "5f0c2b1e-0000-4000-8000-000000000001"))
                .isEqualTo("deployment-orchestrator-rolled-back-5f0c2b1e-0000-4000-8000-000000000001");
    }

    @Test
    void anAlertCarriesANewEventIdTheClocksTimeTheSourceAndTheFingerprint() {
        AlertSource source = new AlertSource("apm-ingest", CLOCK);

        Alert first = complete(source.alert("fp-1"));
        Alert second = complete(source.alert("fp-1"));

        assertThat(first.getOccurredAt()).isEqualTo(CLOCK.instant());
        assertThat(first.getSource()).isEqualTo("apm-ingest");
        assertThat(first.getFingerprint()).isEqualTo("fp-1");
        assertThat(first.getEventId()).isNotEqualTo(second.getEventId());
        assertThat(complete(source.alert("fp-1", Instant.parse("2026-06-06T13:59:00Z"))).getOccurredAt())
                .isEqualTo(Instant.parse("2026-06-06T13:59:00Z"));
    }

    private static Alert complete(Alert.Builder builder) {
        return builder.setName("N").setStatus(AlertStatus.FIRING).setSeverity(Severity.LOW).setService("s").setSummary("x")
                .setStartsAt(CLOCK.instant()).build();
    }
}
