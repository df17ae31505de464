package org.wedops.apm.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wedops.apm.aggregation.WindowStore;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.events.sketch.DurationSketches;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

/** Burn-rate rules against windows in the database, as the windows pipeline stores them. */
@WedopsIntegrationTest
class SlaAlertsIT {

    @Autowired
    WindowStore windows;

    @Autowired
    SlaEvaluator evaluator;

    @Autowired
    ProtectionStates protection;

    @Autowired
    MutableClock clock;

    @Test
    void anErrorRateAboveFivePercentForHalfAnHourIsCriticalAndResolvesWhenTheErrorsAreGone() {
        String service = unique("payments");
        windows.upsertAll(lastHalfHour(ApmSampleKind.HTTP, service, "uk", 200, 20, 100)).block();

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            evaluator.evaluateAll().block(Duration.ofSeconds(30));
            Alert critical = alerts.awaitEvent(Alert.class, a -> service.equals(a.getService()) && a.getName().equals("ErrorRateCritical"));
            assertThat(critical.getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(critical.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(critical.getSummary()).contains("10.0% errors over 5 min", "10.0% over 30 min", "budget 5.0%");
            assertThat(critical.getLabels()).containsEntry("operation", "GET /api/bookings");
            alerts.awaitEvent(Alert.class, a -> service.equals(a.getService()) && a.getName().equals("ErrorRateElevated"));

            evaluator.evaluateAll().block(Duration.ofSeconds(30));
            windows.upsertAll(lastHalfHour(ApmSampleKind.HTTP, service, "uk", 200, 0, 100)).block();
            evaluator.evaluateAll().block(Duration.ofSeconds(30));

            Alert resolved = alerts.awaitEvent(Alert.class, a -> a.getFingerprint().equals(critical.getFingerprint()) && a.getStatus() == AlertStatus.RESOLVED);
            assertThat(resolved.getStartsAt()).isEqualTo(critical.getStartsAt());
            assertThat(alerts.seen(r -> r.value() instanceof Alert a && a.getFingerprint().equals(critical.getFingerprint())
                    && a.getStatus() == AlertStatus.FIRING)).hasSize(1);
        }
    }

    @Test
    void webhookStepsOverTheTwoSecondSlaBurnTheBudgetAndRaiseAHighAlert() {
        String service = unique("crm");
        windows.upsertAll(lastHalfHour(ApmSampleKind.WEBHOOK, service, "uk", 100, 0, 2_500)).block();

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            evaluator.evaluateAll().block(Duration.ofSeconds(30));
            Alert slow = alerts.awaitEvent(Alert.class, a -> service.equals(a.getService()) && a.getName().equals("WebhookChainOverSla"));
            assertThat(slow.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(slow.getSummary()).contains("slower than 2000 ms");
        }
    }

    @Test
    void onAWeddingDayThreePercentErrorsIsAlreadyCriticalWhileElsewhereItIsNot() {
        String wedding = unique("wedding");
        String ordinary = unique("ordinary");
        String service = unique("venue");
        TestEvents.send(Topics.PROTECTION, wedding, ProtectionState.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant()).setRegion(wedding).setTimeZone("Europe/London").setLevel(ProtectionLevel.MAXIMUM)
                .setProfile(ThresholdProfile.WEDDING_DAY).setFreezeActive(true).setWeddingActive(true).setReasons(List.of("wedding w-7"))
                .build());
        await().atMost(Duration.ofSeconds(30)).until(() -> protection.profile(wedding) == ThresholdProfile.WEDDING_DAY);
        List<ApmWindow> both = new ArrayList<>(lastHalfHour(ApmSampleKind.HTTP, service, wedding, 100, 3, 100));
        both.addAll(lastHalfHour(ApmSampleKind.HTTP, service, ordinary, 100, 3, 100));
        windows.upsertAll(both).block();

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            evaluator.evaluateAll().block(Duration.ofSeconds(30));
            Alert critical = alerts.awaitEvent(Alert.class, a -> service.equals(a.getService()) && a.getName().equals("ErrorRateCritical"));
            assertThat(critical.getRegion()).isEqualTo(wedding);
            assertThat(critical.getProfile()).isEqualTo(ThresholdProfile.WEDDING_DAY);
            assertThat(critical.getSummary()).contains("wedding day");
            alerts.awaitEvent(Alert.class, a -> service.equals(a.getService()) && a.getName().equals("ErrorRateElevated")
                    && ordinary.equals(a.getRegion()));
            assertThat(alerts.seen(r -> r.value() instanceof Alert a && service.equals(a.getService())
                    && a.getName().equals("ErrorRateCritical") && ordinary.equals(a.getRegion()))).isEmpty();
        }
    }

    /** Thirty closed minutes up to now of one series: {@code count} requests, {@code errors} failed, the slowest tenth at {@code slowMs}. */
    private List<ApmWindow> lastHalfHour(ApmSampleKind kind, String service, String region, int count, int errors, double slowMs) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        String series = String.join("|", kind.name(), service, "GET /api/bookings", "", region, "prod");
        List<ApmWindow> minutes = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            DDSketch durations = DurationSketches.empty();
            for (int i = 0; i < count; i++) {
                durations.accept(i < count * 9 / 10 ? 80 : slowMs);
            }
            Instant windowEnd = end.minus(Duration.ofMinutes(minute));
            minutes.add(ApmWindow.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(windowEnd).setSeriesKey(series)
                    .setKind(kind).setService(service).setOperation("GET /api/bookings").setRegion(region).setEnvironment("prod")
                    .setWindowStart(windowEnd.minusSeconds(60)).setWindowEnd(windowEnd).setCount(count).setErrors(errors)
                    .setSum(durations.getSum()).setMin(durations.getMinValue()).setMax(durations.getMaxValue())
                    .setSketchType(DurationSketches.TYPE).setSketch(DurationSketches.encode(durations)).build());
        }
        return minutes;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
