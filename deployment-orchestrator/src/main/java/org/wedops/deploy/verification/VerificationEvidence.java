package org.wedops.deploy.verification;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.events.sketch.DurationSketches;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** What verification looks at: target health since an instant (target_health) and APM windows of a span (apm_window). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class VerificationEvidence {

    private final DatabaseClient db;

    public Mono<List<String>> criticalSince(String service, String region, Instant since) {
        return db.sql("""
                        select target_id, reasons from target_health
                        where service = :service and region = :region and status = 'CRITICAL' and checked_at >= :since
                        order by target_id""")
                .bind("service", service).bind("region", region).bind("since", since.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> row.get("target_id", String.class) + " " + String.join(", ", row.get("reasons", String[].class)))
                .all().collectList();
    }

    /** Windows that ended in (from, to]; their sketches are merged, so the p95 is that of every request in the span. */
    public Mono<ApmStats> apm(String service, String environment, String region, Instant from, Instant to) {
        return db.sql("""
                        select requests, errors, sketch_type, sketch from apm_window
                        where service = :service and environment = :environment and region = :region
                          and window_end > :from and window_end <= :to""")
                .bind("service", service).bind("environment", environment).bind("region", region)
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new WindowRow(((Number) row.get("requests")).longValue(), ((Number) row.get("errors")).longValue(),
                        row.get("sketch_type", String.class), row.get("sketch", ByteBuffer.class)))
                .all()
                .collectList()
                .map(VerificationEvidence::combine);
    }

    private record WindowRow(long requests, long errors, String sketchType, ByteBuffer sketch) {
    }

    private static ApmStats combine(List<WindowRow> windows) {
        if (windows.isEmpty()) {
            return ApmStats.NONE;
        }
        DDSketch durations = DurationSketches.empty();
        long requests = 0;
        long errors = 0;
        for (WindowRow window : windows) {
            requests += window.requests();
            errors += window.errors();
            if (window.sketch() != null) {
                durations.mergeWith(DurationSketches.decode(window.sketchType(), window.sketch()));
            }
        }
        return new ApmStats(requests, errors, durations.isEmpty() ? 0 : durations.getValueAtQuantile(0.95));
    }
}
