package org.wedops.apm.aggregation;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.datadoghq.sketch.ddsketch.DDSketch;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.ApmWindow;
import org.wedops.events.sketch.DurationSketches;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Closed windows in PostgreSQL, upserted on (series, window start): the same window twice leaves one row. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WindowStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    public Mono<Void> upsertAll(List<ApmWindow> windows) {
        if (windows.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into apm_window (series_key, kind, service, operation, provider, region, environment, window_start, window_end,
                                                count, errors, sum, min, max, sketch_type, sketch, p50, p95, p99)
                        select series_key, kind, service, operation, provider, region, environment, window_start, window_end,
                               count, errors, sum, min, max, sketch_type, decode(sketch, 'base64'), p50, p95, p99
                        from jsonb_to_recordset(:rows) as r(series_key text, kind text, service text, operation text, provider text,
                             region text, environment text, window_start timestamptz, window_end timestamptz, count bigint, errors bigint,
                             sum double precision, min double precision, max double precision, sketch_type text, sketch text,
                             p50 double precision, p95 double precision, p99 double precision)
                        on conflict (series_key, window_start) do update set window_end = excluded.window_end, count = excluded.count,
                          errors = excluded.errors, sum = excluded.sum, min = excluded.min, max = excluded.max,
                          sketch_type = excluded.sketch_type, sketch = excluded.sketch, p50 = excluded.p50, p95 = excluded.p95,
                          p99 = excluded.p99""")
                .bind("rows", Json.of(json.writeValueAsString(latestPerWindow(windows).stream().map(WindowStore::row).toList())))
                .fetch().rowsUpdated().then();
    }

    /** One statement cannot upsert a row twice; a batch holding a window twice keeps its last. */
    private static List<ApmWindow> latestPerWindow(List<ApmWindow> windows) {
        Map<String, ApmWindow> byKey = new LinkedHashMap<>();
        windows.forEach(window -> byKey.put(window.getSeriesKey() + "@" + window.getWindowStart().toEpochMilli(), window));
        return List.copyOf(byKey.values());
    }

    private static Map<String, Object> row(ApmWindow window) {
        Map<String, Object> row = new HashMap<>();
        row.put("series_key", window.getSeriesKey());
        row.put("kind", window.getKind().name());
        row.put("service", window.getService());
        row.put("operation", window.getOperation());
        row.put("provider", window.getProvider());
        row.put("region", window.getRegion());
        row.put("environment", window.getEnvironment());
        row.put("window_start", window.getWindowStart().toString());
        row.put("window_end", window.getWindowEnd().toString());
        row.put("count", window.getCount());
        row.put("errors", window.getErrors());
        row.put("sum", window.getSum());
        row.put("min", window.getMin());
        row.put("max", window.getMax());
        row.put("sketch_type", window.getSketchType());
        ByteBuffer sketch = window.getSketch().duplicate();
        byte[] bytes = new byte[sketch.remaining()];
        sketch.get(bytes);
        row.put("sketch", Base64.getEncoder().encodeToString(bytes));
        DDSketch durations = DurationSketches.decode(window.getSketchType(), window.getSketch());
        if (!durations.isEmpty()) {
            row.put("p50", durations.getValueAtQuantile(0.50));
            row.put("p95", durations.getValueAtQuantile(0.95));
            row.put("p99", durations.getValueAtQuantile(0.99));
        }
        return row;
    }
}
