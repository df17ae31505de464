package org.wedops.apm.dashboard;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.datadoghq.sketch.ddsketch.DDSketch;

import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.sketch.DurationSketches;

import reactor.core.publisher.Mono;

/** Every integration's last minutes against the same minutes 24 h earlier, with the alerts firing for it. */
@Component
@RequiredArgsConstructor
class DashboardReader {

    /** How far back "now" looks: a few closed windows, so one quiet minute does not blank the board. */
    static final Duration RECENT = Duration.ofMinutes(5);

    private final DatabaseClient db;
    private final Clock clock;

    Mono<List<IntegrationStatus>> integrations() {
        Instant now = clock.instant();
        Instant dayAgo = now.minus(Duration.ofDays(1));
        return Mono.zip(windows(now.minus(RECENT), now), windows(dayAgo.minus(RECENT), dayAgo), firing())
                .map(read -> {
                    Map<Integration, Totals> recent = read.getT1();
                    Map<Integration, Totals> before = read.getT2();
                    Map<Integration, Set<String>> alerts = read.getT3();
                    List<IntegrationStatus> board = new ArrayList<>();
                    recent.forEach((integration, totals) -> {
                        Totals dayEarlier = before.get(integration);
                        Set<String> firing = alerts.getOrDefault(integration, Set.of());
                        board.add(new IntegrationStatus(integration.service(), integration.kind(), integration.operation(), integration.provider(),
                                totals.requests / (double) RECENT.toMinutes(), totals.requests == 0 ? 0 : (double) totals.errors / totals.requests,
                                totals.quantile(0.95), totals.quantile(0.99),
                                dayEarlier == null ? null : dayEarlier.quantile(0.95), dayEarlier == null ? null : dayEarlier.quantile(0.99),
                                firing.isEmpty() ? "OK" : "ALERTING", List.copyOf(firing)));
                    });
                    board.sort(Comparator.comparing(IntegrationStatus::service).thenComparing(IntegrationStatus::operation));
                    return board;
                });
    }

    private record Integration(String service, String kind, String operation, String provider) {
    }

    private static final class Totals {
        long requests;
        long errors;
        DDSketch durations;

        Double quantile(double q) {
            return durations == null || durations.isEmpty() ? null : durations.getValueAtQuantile(q);
        }
    }

    private Mono<Map<Integration, Totals>> windows(Instant from, Instant to) {
        return db.sql("""
                        select service, kind, operation, provider, count, errors, sketch_type, sketch from apm_window
                        where window_end > :from and window_end <= :to""")
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new StoredWindow(new Integration(row.get("service", String.class), row.get("kind", String.class),
                        row.get("operation", String.class), row.get("provider", String.class)), row.get("count", Long.class),
                        row.get("errors", Long.class), row.get("sketch_type", String.class), row.get("sketch", ByteBuffer.class)))
                .all()
                .collect(LinkedHashMap::new, (Map<Integration, Totals> totals, StoredWindow window) -> {
                    Totals sum = totals.computeIfAbsent(window.integration(), integration -> new Totals());
                    sum.requests += window.count();
                    sum.errors += window.errors();
                    DDSketch sketch = DurationSketches.decode(window.sketchType(), window.sketch());
                    if (sum.durations == null) {
                        sum.durations = sketch;
                    } else {
                        sum.durations.mergeWith(sketch);
                    }
                });
    }

    private record StoredWindow(Integration integration, long count, long errors, String sketchType, ByteBuffer sketch) {
    }

    /** SLA alerts name their series (kind|service|operation|provider|region|environment) as their subject. */
    private Mono<Map<Integration, Set<String>>> firing() {
        return db.sql("select subject, name from apm_alert_state where subject like '%|%'")
                .map((row, meta) -> Map.entry(row.get("subject", String.class), row.get("name", String.class)))
                .all()
                .collect(LinkedHashMap::new, (Map<Integration, Set<String>> firing, Map.Entry<String, String> alert) -> {
                    String[] series = alert.getKey().split("\\|", -1);
                    if (series.length >= 4) {
                        Integration integration = new Integration(series[1], series[0], series[2], series[3].isEmpty() ? null : series[3]);
                        firing.computeIfAbsent(integration, key -> new TreeSet<>()).add(alert.getValue());
                    }
                });
    }
}
