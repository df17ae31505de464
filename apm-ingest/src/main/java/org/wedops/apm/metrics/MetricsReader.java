package org.wedops.apm.metrics;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.datadoghq.sketch.ddsketch.DDSketch;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.sketch.DurationSketches;

import reactor.core.publisher.Flux;

/**
 * Re-aggregates stored 1-minute windows into the buckets of a query: sums, extremes and rates in SQL; quantiles by
 * merging the windows' sketches bucket by bucket, so a p95 over an hour is the p95 of every request in that hour
 * (within the sketch's 1 % relative error). A bucket of a single window answers from the quantile stored with it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MetricsReader {

    private final DatabaseClient db;

    public Flux<MetricPoint> points(MetricsQuery query) {
        return query.aggregation().isQuantile() ? quantiles(query) : totals(query);
    }

    private Flux<MetricPoint> totals(MetricsQuery query) {
        String sql = "select " + BUCKET + " as bucket, sum(count) as count, sum(errors) as errors, sum(sum) as sum, min(min) as min, max(max) as max"
                + " from apm_window where window_start >= :from and window_start < :to" + filters(query)
                + " group by bucket order by bucket";
        return bind(db.sql(sql), query)
                .map((row, meta) -> {
                    long count = row.get("count", Long.class);
                    double value = switch (query.aggregation()) {
                        case AVG -> row.get("sum", Double.class) / count;
                        case SUM -> row.get("sum", Double.class);
                        case MIN -> row.get("min", Double.class);
                        case MAX -> row.get("max", Double.class);
                        case COUNT -> count;
                        case ERROR_RATE -> (double) row.get("errors", Long.class) / count;
                        default -> throw new IllegalStateException(query.aggregation() + " is a quantile");
                    };
                    return new MetricPoint(bucketStart(row.get("bucket", Long.class), query), value);
                })
                .all();
    }

    private Flux<MetricPoint> quantiles(MetricsQuery query) {
        // the quantile columns are named after the aggregation (p50, p95, p99): constants, never request text
        String own = query.aggregation().label();
        String sql = "select " + BUCKET + " as bucket, " + own + " as own, sketch_type,"
                + " case when " + own + " is not null and count(*) over (partition by " + BUCKET + ") = 1 then null else sketch end as sketch"
                + " from apm_window where window_start >= :from and window_start < :to" + filters(query)
                + " order by bucket";
        return bind(db.sql(sql), query)
                .map((row, meta) -> new BucketWindow(row.get("bucket", Long.class), row.get("own", Double.class),
                        row.get("sketch_type", String.class), row.get("sketch", ByteBuffer.class)))
                .all()
                .bufferUntilChanged(BucketWindow::bucket)
                .map(bucket -> new MetricPoint(bucketStart(bucket.get(0).bucket(), query), bucket.size() == 1 && bucket.get(0).sketch() == null
                        ? bucket.get(0).own()
                        : merged(bucket).getValueAtQuantile(query.aggregation().quantile())));
    }

    private static DDSketch merged(List<BucketWindow> bucket) {
        DDSketch first = DurationSketches.decode(bucket.get(0).sketchType(), bucket.get(0).sketch());
        for (int i = 1; i < bucket.size(); i++) {
            first.mergeWith(DurationSketches.decode(bucket.get(i).sketchType(), bucket.get(i).sketch()));
        }
        return first;
    }

    /** @param own the window's own quantile, when stored; {@code sketch} is left out when it alone answers the bucket */
    private record BucketWindow(long bucket, Double own, String sketchType, ByteBuffer sketch) {
    }

    private static final String BUCKET = "floor(extract(epoch from window_start) / :bucketSeconds)::bigint";

    private static String filters(MetricsQuery query) {
        StringBuilder filters = new StringBuilder();
        labels(query).forEach((column, value) -> filters.append(" and ").append(column).append(" = :").append(column));
        return filters.toString();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, MetricsQuery query) {
        DatabaseClient.GenericExecuteSpec bound = spec.bind("bucketSeconds", query.interval().size().toSeconds())
                .bind("from", query.from().atOffset(ZoneOffset.UTC)).bind("to", query.to().atOffset(ZoneOffset.UTC));
        for (Map.Entry<String, String> label : labels(query).entrySet()) {
            bound = bound.bind(label.getKey(), label.getValue());
        }
        return bound;
    }

    /** The label filters a query sets, by column; the column names are constants, only the values come from the request. */
    private static Map<String, String> labels(MetricsQuery query) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (query.service() != null) {
            labels.put("service", query.service());
        }
        if (query.provider() != null) {
            labels.put("provider", query.provider());
        }
        if (query.region() != null) {
            labels.put("region", query.region());
        }
        if (query.environment() != null) {
            labels.put("environment", query.environment());
        }
        return labels;
    }

    private static Instant bucketStart(long bucket, MetricsQuery query) {
        return Instant.ofEpochSecond(bucket * query.interval().size().toSeconds());
    }
}
