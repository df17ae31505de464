package org.wedops.apm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.apm.ingest.SeriesKey;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;
import org.wedops.events.sketch.DurationSketches;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * Samples onto ops.apm.samples.v1, windows out of Kafka Streams into PostgreSQL, percentiles out of the query API. Each test
 * measures calls a few minutes ahead of the previous test's, because stream time only moves forward per partition
 * and a window whose time has passed would take nothing.
 */
@WedopsIntegrationTest
class WindowedPercentilesIT {

    private static Instant nextBase = Instant.now();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    private final Random random = new Random(3);

    @Test
    void percentilesOfMinutesAndOfTheHourAgreeWithExactOnesWithinTheSketchError() {
        Instant base = base();
        String service = unique("payments");
        double[] first = durations(1_000);
        double[] second = durations(1_000);
        post(samples(service, base, first));
        post(samples(service, base.plusSeconds(60), second));
        closeWindowsBefore(service, base.plusSeconds(120));

        await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(service) == 2_000);
        for (String aggregation : List.of("p50", "p95", "p99")) {
            double q = Double.parseDouble(aggregation.substring(1)) / 100;
            List<Double> minutes = values(service, aggregation, "1m", base, base.plusSeconds(120));
            assertThat(minutes).hasSize(2);
            assertThat(minutes.get(0)).isCloseTo(exact(first, q), within(exact(first, q) * DurationSketches.RELATIVE_ACCURACY));
            assertThat(minutes.get(1)).isCloseTo(exact(second, q), within(exact(second, q) * DurationSketches.RELATIVE_ACCURACY));
            // the hour's p95 is that of the merged minutes, not their average
            double[] both = concat(first, second);
            List<Double> hour = values(service, aggregation, "1h", base.truncatedTo(ChronoUnit.HOURS), base.truncatedTo(ChronoUnit.HOURS).plusSeconds(3600));
            assertThat(hour).singleElement().satisfies(value -> assertThat(value).isCloseTo(exact(both, q), within(exact(both, q) * 0.01)));
        }
        assertThat(values(service, "count", "1h", base.truncatedTo(ChronoUnit.HOURS), base.truncatedTo(ChronoUnit.HOURS).plusSeconds(3600)))
                .containsExactly(2_000.0);
        assertThat(values(service, "max", "1m", base, base.plusSeconds(60))).containsExactly(Arrays.stream(first).max().orElseThrow());
    }

    @Test
    void aSampleLateWithinTheGraceIsCountedAndOneLaterStillIsDroppedAndCountedAsLate() {
        Instant base = base();
        String service = unique("crm");
        post(samples(service, base.plusSeconds(5), durations(10)));
        post(samples(service, base.plusSeconds(70), durations(1)));           // stream time 70 s: the first minute is in its grace
        post(samples(service, base.plusSeconds(30), new double[] {42.0}));     // late, inside the grace: counted
        post(samples(service, base.plusSeconds(91), durations(1)));           // stream time past 60 s + 30 s grace: closed
        post(samples(service, base.plusSeconds(40), new double[] {43.0}));     // too late: dropped
        closeWindowsBefore(service, base.plusSeconds(180));

        await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(service) == 13);
        assertThat(values(service, "count", "1m", base, base.plusSeconds(60))).containsExactly(11.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("apm.samples.late").tag("service", service).counter() != null);
        assertThat(meters.find("apm.samples.late").tag("service", service).counter().count()).isEqualTo(1.0);
    }

    @Test
    void impossibleQuestionsAreProblemsNamingTheirParameter() {
        problem("metric=duration&aggregation=p42&interval=1m&from=2026-06-06T14:00:00Z&to=2026-06-06T15:00:00Z", "aggregation");
        problem("metric=duration&aggregation=p95&interval=2m&from=2026-06-06T14:00:00Z&to=2026-06-06T15:00:00Z", "interval");
        problem("metric=duration&aggregation=p95&interval=1m&from=2026-06-06T15:00:00Z&to=2026-06-06T14:00:00Z", "to");
        problem("metric=duration&aggregation=p95&interval=1m&from=2026-01-01T00:00:00Z&to=2026-06-06T14:00:00Z", "interval");
        problem("metric=bytes&aggregation=p95&interval=1m&from=2026-06-06T14:00:00Z&to=2026-06-06T15:00:00Z", "metric");
        problem("metric=duration&aggregation=p95&interval=1m&from=yesterday&to=2026-06-06T15:00:00Z", "from");
    }

    /** A minute a few minutes after the previous test's, never in the past, never an hour ahead (samples may not be). */
    private static synchronized Instant base() {
        Instant base = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);
        if (base.isBefore(nextBase)) {
            base = nextBase;
        }
        if (base.atZone(java.time.ZoneOffset.UTC).getMinute() > 55) {
            base = base.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        }
        nextBase = base.plus(Duration.ofMinutes(4));
        return base;
    }

    /** Stream time moves with samples of the same partition: one of the same series a few minutes on closes the windows. */
    private void closeWindowsBefore(String service, Instant until) {
        post(samples(service, until.plusSeconds(31), new double[] {1.0}));
    }

    private long storedCount(String service) {
        return db.sql("select coalesce(sum(count), 0) from apm_window where service = :service").bind("service", service)
                .map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private List<Double> values(String service, String aggregation, String interval, Instant from, Instant to) {
        Map<String, Object> body = web.get().uri("/api/apm/metrics?metric=duration&aggregation=" + aggregation + "&interval=" + interval
                        + "&from=" + from + "&to=" + to + "&service=" + service)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(body).containsEntry("aggregation", aggregation).containsEntry("interval", interval);
        return ((List<?>) body.get("points")).stream().map(point -> ((Number) ((Map<?, ?>) point).get("value")).doubleValue()).toList();
    }

    private void problem(String query, String field) {
        web.get().uri("/api/apm/metrics?" + query).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    /**
     * Written to ops.apm.samples.v1 as an emitter may write them, one batch keyed by its series, not posted: the door
     * takes no sample more than a few seconds ahead (wedops.apm.max-future-skew), and these are minutes ahead so that no
     * other test's samples have moved their partition's stream time past them.
     */
    private void post(List<Map<String, Object>> samples) {
        List<ApmSample> events = samples.stream().map(sample -> ApmSample.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setKind(ApmSampleKind.HTTP).setService((String) sample.get("service"))
                .setOperation((String) sample.get("operation")).setRegion("uk").setEnvironment("prod")
                .setTimestamp(Instant.parse((String) sample.get("timestamp"))).setDurationMs((Double) sample.get("durationMs"))
                .setSuccess(true).build()).toList();
        TestEvents.send(Topics.APM_SAMPLES, SeriesKey.of(events.get(0)),
                ApmSampleBatch.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now()).setSamples(events).build());
    }

    /** One sample per duration, spread over the minute starting at {@code start}. */
    private static List<Map<String, Object>> samples(String service, Instant start, double[] durations) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < durations.length; i++) {
            Map<String, Object> sample = new HashMap<>();
            sample.put("kind", "HTTP");
            sample.put("service", service);
            sample.put("operation", "GET /api/bookings");
            sample.put("region", "uk");
            sample.put("environment", "prod");
            sample.put("timestamp", start.plusMillis(i * 50_000L / durations.length).toString());
            sample.put("durationMs", durations[i]);
            sample.put("success", true);
            samples.add(sample);
        }
        return samples;
    }

    /** Long-tailed, like real latencies: most calls near 100 ms, a few seconds long. */
    private double[] durations(int n) {
        double[] durations = new double[n];
        for (int i = 0; i < n; i++) {
            durations[i] = Math.exp(Math.log(100) + 0.8 * random.nextGaussian());
        }
        return durations;
    }

    /** Nearest-rank quantile, the definition DDSketch's guarantee is stated against. */
    private static double exact(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
