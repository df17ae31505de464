package org.wedops.apm.sla;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.apm.alerting.AlertCondition;
import org.wedops.apm.alerting.ConditionAlerts;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.sketch.DurationSketches;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evaluates every SLA rule against every series' stored windows on a schedule, with the stricter wedding-day
 * threshold where the series' region is in a wedding-day profile, and fires or resolves one alert per rule and series.
 * A series with no windows in a rule's windows says nothing; an alert already firing for it stays until judged again.
 */
@Component
@RequiredArgsConstructor
class SlaEvaluator {

    private final DatabaseClient db;
    private final SlaProperties settings;
    private final ConditionAlerts alerts;
    private final ProtectionStates protection;
    private final Clock clock;
    private final RecurringWork work;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.rules().isEmpty()) {
            work.start("sla burn rates", settings.evaluateEvery(), this::evaluateAll);
        }
    }

    Mono<Void> evaluateAll() {
        Instant now = clock.instant();
        Duration longest = settings.rules().stream().map(SlaRule::longWindow).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return alerts.allFiring().flatMap(firing -> windowsSince(now.minus(longest))
                .collect(Collectors.groupingBy(StoredWindow::seriesKey))
                .flatMapMany(bySeries -> Flux.fromIterable(bySeries.values()))
                .concatMap(series -> Flux.fromIterable(settings.rules())
                        .filter(rule -> rule.kind() == null || rule.kind().name().equals(series.get(0).kind()))
                        .concatMap(rule -> {
                            AlertCondition condition = judge(rule, series, now);
                            return alerts.tell(condition, firing.get(condition.fingerprint()));
                        }))
                .then());
    }

    private AlertCondition judge(SlaRule rule, List<StoredWindow> series, Instant now) {
        StoredWindow any = series.get(0);
        BurnRate.Totals shortTotals = totals(rule, series, now.minus(rule.shortWindow()));
        BurnRate.Totals longTotals = totals(rule, series, now.minus(rule.longWindow()));
        ThresholdProfile profile = protection.profile(any.region());
        double threshold = rule.burnRate() * (profile == ThresholdProfile.WEDDING_DAY ? settings.weddingDayBurnFactor() : 1);
        boolean firing = BurnRate.burning(shortTotals, longTotals, rule.budget(), threshold);
        String what = rule.slowerThanMs() == null ? "errors" : String.format(Locale.ROOT, "slower than %.0f ms", rule.slowerThanMs());
        String summary = String.format(Locale.ROOT, "%s %s: %.1f%% %s over %s, %.1f%% over %s (budget %.1f%%, burn %.1f× / %.1f×, alert at %.1f×%s)",
                any.service(), any.operation(), shortTotals.badShare() * 100, what, rule.shortWindow().toMinutes() + " min",
                longTotals.badShare() * 100, rule.longWindow().toMinutes() + " min", rule.budget() * 100,
                BurnRate.of(shortTotals, rule.budget()), BurnRate.of(longTotals, rule.budget()), threshold,
                profile == ThresholdProfile.WEDDING_DAY ? ", wedding day" : "");
        return new AlertCondition(AlertCondition.fingerprint(rule.name(), any.seriesKey()), any.seriesKey(), rule.name(), rule.severity(),
                any.service(), any.region(), profile, summary,
                Map.of("operation", any.operation(), "environment", any.environment(), "kind", any.kind(), "rule", rule.name()), firing);
    }

    private static BurnRate.Totals totals(SlaRule rule, List<StoredWindow> series, Instant since) {
        BurnRate.Totals totals = BurnRate.Totals.NONE;
        for (StoredWindow window : series) {
            if (window.windowEnd().isAfter(since)) {
                double bad = rule.slowerThanMs() == null ? window.errors()
                        : window.count() * SlowShare.above(DurationSketches.decode(window.sketchType(), window.sketch()), rule.slowerThanMs());
                totals = totals.plus(window.count(), bad);
            }
        }
        return totals;
    }

    private Flux<StoredWindow> windowsSince(Instant since) {
        return db.sql("""
                        select series_key, kind, service, operation, region, environment, window_end, count, errors, sketch_type, sketch
                        from apm_window where window_end > :since""")
                .bind("since", since.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new StoredWindow(row.get("series_key", String.class), row.get("kind", String.class),
                        row.get("service", String.class), row.get("operation", String.class), row.get("region", String.class),
                        row.get("environment", String.class), row.get("window_end", OffsetDateTime.class).toInstant(),
                        row.get("count", Long.class), row.get("errors", Long.class), row.get("sketch_type", String.class),
                        row.get("sketch", ByteBuffer.class)))
                .all();
    }

    private record StoredWindow(String seriesKey, String kind, String service, String operation, String region, String environment,
                                Instant windowEnd, long count, long errors, String sketchType, ByteBuffer sketch) {
    }
}
