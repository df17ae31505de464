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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.apm.aggregation.WindowSettings;
import org.wedops.events.sketch.DurationSketches;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * Samples in over HTTP, windows out of Kafka Streams into PostgreSQL, percentiles out of the query API. Each test works
 * in two minutes the test clock has not reached yet, and moves the clock past their end plus the grace: windows close on
 * the (test) wall clock, checked every few seconds of real time, so no test waits for a real minute to pass.
 */
@WedopsIntegrationTest
class WindowedPercentilesIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MutableClock clock;

    @Autowired
    WindowSettings windows;

    private final Random random = new Random(3);

    @Test
    void percentilesOfMinutesAndOfTheHourAgreeWithExactOnesWithinTheSketchError() {
        Instant current = aFreshMinute();
        Instant previous = current.minus(WindowSettings.SIZE);
        String service = unique("payments");
        double[] first = durations(1_000);
        double[] second = durations(1_000);
        post(samples(service, previous, previous.plusSeconds(50), first));
        post(samples(service, current, clock.instant(), second));

        closeThrough(current);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(service) == 2_000);
        Instant hour = previous.truncatedTo(ChronoUnit.HOURS);
        for (String aggregation : List.of("p50", "p95", "p99")) {
            double q = Double.parseDouble(aggregation.substring(1)) / 100;
            List<Double> minutes = values(service, aggregation, "1m", previous, current.plusSeconds(60));
            assertThat(minutes).hasSize(2);
            assertThat(minutes.get(0)).isCloseTo(exact(first, q), within(exact(first, q) * DurationSketches.RELATIVE_ACCURACY));
            assertThat(minutes.get(1)).isCloseTo(exact(second, q), within(exact(second, q) * DurationSketches.RELATIVE_ACCURACY));
            // the hour's p95 is that of the merged minutes, not their average
            double[] both = concat(first, second);
            List<Double> hourly = values(service, aggregation, "1h", hour, hour.plusSeconds(3600));
            assertThat(hourly).singleElement().satisfies(value -> assertThat(value).isCloseTo(exact(both, q), within(exact(both, q) * 0.01)));
        }
        assertThat(values(service, "count", "1h", hour, hour.plusSeconds(3600))).containsExactly(2_000.0);
        assertThat(values(service, "max", "1m", previous, current)).containsExactly(Arrays.stream(first).max().orElseThrow());
    }

    @Test
    void aSampleLateWithinTheGraceIsCountedAndOneLaterStillIsDroppedAndCountedAsLate() {
        Instant current = aFreshMinute();
        Instant previous = current.minus(WindowSettings.SIZE);
        String service = unique("crm");
        post(samples(service, previous.plusSeconds(5), previous.plusSeconds(20), durations(10)));
        post(samples(service, clock.instant(), clock.instant(), durations(1)));                 // the previous minute is in its grace
        post(samples(service, previous.plusSeconds(30), previous.plusSeconds(30), new double[] {42.0})); // late, inside the grace: counted
        // the clock passes the previous minute's end plus the grace: it closes, the current one stays open
        clock.set(current.plus(windows.grace()).plusSeconds(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(service) == 11);

        post(samples(service, previous.plusSeconds(40), previous.plusSeconds(40), new double[] {43.0})); // too late: dropped
        await().atMost(Duration.ofSeconds(30)).until(() -> late(service) == 1.0);
        closeThrough(current);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(service) >= 12);
        assertThat(values(service, "count", "1m", previous, current)).as("the dropped sample opened no window again").containsExactly(11.0);
        assertThat(storedCount(service)).isEqualTo(12);
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

    /**
     * The start of a minute the clock has not reached, whose previous minute is in the same hour, with the clock moved
     * 5 s into it. Neither minute can have closed: other tests' samples are stamped by the clock, so stream time is at
     * most the door's future skew past it, and the clock closed only windows that ended a grace before it.
     */
    private Instant aFreshMinute() {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(WindowSettings.SIZE);
        if (minute.equals(minute.truncatedTo(ChronoUnit.HOURS))) {
            minute = minute.plus(WindowSettings.SIZE);
        }
        clock.set(minute.plusSeconds(5));
        return minute;
    }

    /** Moves the clock past the end of the window starting at {@code start} plus the grace: it closes within seconds. */
    private void closeThrough(Instant start) {
        clock.set(start.plus(WindowSettings.SIZE).plus(windows.grace()).plusSeconds(1));
    }

    private double late(String service) {
        Counter late = meters.find("apm.samples.late").tag("service", service).counter();
        return late == null ? 0 : late.count();
    }

    private long storedCount(String service) {
        return db.sql("select coalesce(sum(count), 0) from apm_window where service = :service").bind("service", service)
                .map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private List<Double> values(String service, String aggregation, String interval, Instant from, Instant to) {
        Map<String, Object> body = web.get().uri("/api/apm/metrics?metric=duration&aggregation=" + aggregation + "&interval=" + interval
                        + "&from=" + from + "&to=" + to + "&service=" + service)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
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

    private void post(List<Map<String, Object>> samples) {
        web.post().uri("/api/apm/samples").headers(h -> h.setBearerAuth(TestTokens.ingest())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("samples", samples)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(samples.size());
    }

    /** One sample per duration, spread from {@code from} to {@code to}. */
    private static List<Map<String, Object>> samples(String service, Instant from, Instant to, double[] durations) {
        long spreadMs = Duration.between(from, to).toMillis();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < durations.length; i++) {
            Map<String, Object> sample = new HashMap<>();
            sample.put("kind", "HTTP");
            sample.put("service", service);
            sample.put("operation", "GET /api/bookings");
            sample.put("region", "uk");
            sample.put("environment", "prod");
            sample.put("timestamp", from.plusMillis(i * spreadMs / durations.length).toString());
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
