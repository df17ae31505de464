package org.wedops.apm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.apm.aggregation.WindowStore;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.sketch.DurationSketches;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest
class DashboardIT {

    @Autowired
    WindowStore windows;

    @Autowired
    DatabaseClient db;

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Test
    void anIntegrationShowsItsThroughputErrorRateAndPercentilesNowAgainstADayAgoAndItsFiringSlaAlerts() {
        String service = "payments-" + UUID.randomUUID().toString().substring(0, 8);
        String series = String.join("|", "WEBHOOK", service, "stripe.invoice.paid", "stripe", "uk", "prod");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<ApmWindow> stored = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            stored.add(window(series, service, now.minus(Duration.ofMinutes(minute)), 600, 6, 400));
            stored.add(window(series, service, now.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(minute)), 600, 0, 200));
        }
        windows.upsertAll(stored).block();
        db.sql("insert into apm_alert_state (fingerprint, subject, name, since, summary) values (:fp, :subject, 'WebhookChainOverSla', :since, 'slow')")
                .bind("fp", UUID.randomUUID().toString()).bind("subject", series).bind("since", clock.instant().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().block();

        Map<String, Object> board = web.get().uri("/api/apm/dashboard").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();

        @SuppressWarnings("unchecked")
        Map<String, Object> payments = ((List<Map<String, Object>>) board.get("integrations")).stream()
                .filter(integration -> service.equals(integration.get("service"))).findFirst().orElseThrow();
        assertThat(payments).containsEntry("kind", "WEBHOOK").containsEntry("operation", "stripe.invoice.paid").containsEntry("provider", "stripe")
                .containsEntry("requestsPerMinute", 600.0).containsEntry("errorRate", 0.01)
                .containsEntry("sla", "ALERTING").containsEntry("firing", List.of("WebhookChainOverSla"));
        assertThat(((Number) payments.get("p99Ms")).doubleValue()).isCloseTo(400, Percentage.withPercentage(1));
        assertThat(((Number) payments.get("p99MsDayAgo")).doubleValue()).isCloseTo(200, Percentage.withPercentage(1));
    }

    private static ApmWindow window(String series, String service, Instant end, int count, int errors, double slowMs) {
        DDSketch durations = DurationSketches.empty();
        for (int i = 0; i < count; i++) {
            durations.accept(i < count * 9 / 10 ? 100 : slowMs);
        }
        return ApmWindow.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(end).setSeriesKey(series)
                .setKind(ApmSampleKind.WEBHOOK).setService(service).setOperation("stripe.invoice.paid").setProvider("stripe").setRegion("uk")
                .setEnvironment("prod").setWindowStart(end.minusSeconds(60)).setWindowEnd(end).setCount(count).setErrors(errors)
                .setSum(durations.getSum()).setMin(durations.getMinValue()).setMax(durations.getMaxValue())
                .setSketchType(DurationSketches.TYPE).setSketch(DurationSketches.encode(durations)).build();
    }
}
