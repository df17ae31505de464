package org.wedops.planner.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.wedops.planner.protection.PlannedWedding;
import org.wedops.planner.protection.Protection;
import org.wedops.planner.protection.ProtectionPolicy;
import org.wedops.planner.protection.ProtectionTimeline;
import org.wedops.planner.protection.RegionCalendar;

/**
 * Recomputes the protection of 20 regions holding 10,000 weddings together, as the planner does on every calendar
 * change and boundary: each region's whole timeline over the planner's horizon (14 days, plus the week it reads
 * beyond), then the state now. Every wedding falls inside that horizon (500 per region in three weeks, many of
 * them overlapping, multi-day and past midnight), so none is skipped: the worst case, not the usual one.
 * Run it with {@code bench/scaling-planner/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ProtectionBenchmark {

    static final int WEDDINGS = 10_000;
    static final int REGIONS = 20;
    static final Instant NOW = Instant.parse("2026-06-05T10:00:00Z");
    static final Duration HORIZON = Duration.ofDays(21);
    private static final String[] ZONES = {"Europe/London", "America/New_York", "Asia/Kolkata", "Europe/Athens", "Africa/Lagos",
            "Asia/Shanghai", "Australia/Sydney", "America/Los_Angeles", "Europe/Paris", "Asia/Dubai", "America/Sao_Paulo",
            "Asia/Tokyo", "Europe/Berlin", "America/Chicago", "Asia/Singapore", "Europe/Dublin", "Africa/Johannesburg",
            "America/Toronto", "Pacific/Auckland", "Asia/Jerusalem"};
    private static final String[] CULTURES = {"INDIAN", "NIGERIAN", "CHINESE", "GREEK", "JEWISH", "BRITISH", "OTHER"};
    private static final double[] FACTORS = {2.0, 1.8, 1.5, 1.4, 1.3, 1.0, 1.0};

    private final ProtectionPolicy policy = ProtectionPolicy.defaults();
    private List<RegionCalendar> calendars;

    @Setup
    public void calendar() {
        calendars = calendars(new Random(20260606));
    }

    static List<RegionCalendar> calendars(Random random) {
        List<List<PlannedWedding>> byRegion = new ArrayList<>();
        for (int r = 0; r < REGIONS; r++) {
            byRegion.add(new ArrayList<>());
        }
        LocalDate first = LocalDate.parse("2026-06-05");
        for (int i = 0; i < WEDDINGS; i++) {
            int region = i % REGIONS;
            int culture = random.nextInt(CULTURES.length);
            LocalTime start = LocalTime.of(10 + random.nextInt(9), random.nextBoolean() ? 0 : 30);
            LocalTime end = start.plusHours(4 + random.nextInt(10)); // wraps past midnight for late weddings
            byRegion.get(region).add(new PlannedWedding("w-" + i, CULTURES[culture], 20 + random.nextInt(800), FACTORS[culture],
                    first.plusDays(random.nextInt(18)), start, end, random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 1,
                    ZoneId.of(ZONES[region])));
        }
        List<RegionCalendar> calendars = new ArrayList<>();
        for (int r = 0; r < REGIONS; r++) {
            calendars.add(new RegionCalendar("region-" + r, ZoneId.of(ZONES[r]), byRegion.get(r), null));
        }
        return calendars;
    }

    @Benchmark
    public List<Protection> recomputeAllRegions() {
        return recompute(policy, calendars);
    }

    static List<Protection> recompute(ProtectionPolicy policy, List<RegionCalendar> calendars) {
        List<Protection> now = new ArrayList<>(calendars.size());
        for (RegionCalendar calendar : calendars) {
            now.add(ProtectionTimeline.compute(policy, calendar, NOW, NOW.plus(HORIZON)).at(NOW));
        }
        return now;
    }

    /** Runs the benchmark and prints the figure the issue asks for. */
    public static void main(String[] args) throws Exception {
        RunResult result = new Runner(new OptionsBuilder().include(ProtectionBenchmark.class.getSimpleName()).build()).runSingle();
        double millis = result.getPrimaryResult().getScore();
        double error = result.getPrimaryResult().getScoreError();
        System.out.println();
        System.out.printf(Locale.ROOT, "Recomputed protection for %,d weddings across %d regions in %.2f ms (± %.2f ms, JMH average) — target < 200 ms: %s%n",
                WEDDINGS, REGIONS, millis, error, millis < 200 ? "met" : "NOT met");
    }
}
