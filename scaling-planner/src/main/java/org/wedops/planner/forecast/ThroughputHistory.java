package org.wedops.planner.forecast;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.ApmWindow;

import reactor.core.publisher.Mono;

/**
 * Requests per service and region from closed APM windows: per minute for a short while (which also makes every
 * window count once, whatever the replays), per hour for the forecast.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ThroughputHistory {

    private final DatabaseClient db;

    /** Counts a window into its hour, once; answers whether it was new. */
    public Mono<Boolean> record(ApmWindow window) {
        Instant start = window.getWindowStart();
        return db.sql("""
                        with seen as (
                            insert into apm_minute (series_key, window_start, service, region, requests, errors)
                            values (:series, :start, :service, :region, :requests, :errors)
                            on conflict do nothing
                            returning service, region, requests, errors)
                        insert into apm_hourly (service, region, hour_start, requests, errors)
                        select service, region, :hour, requests, errors from seen
                        on conflict (service, region, hour_start) do update
                          set requests = apm_hourly.requests + excluded.requests, errors = apm_hourly.errors + excluded.errors""")
                .bind("series", window.getSeriesKey()).bind("start", start.atOffset(ZoneOffset.UTC))
                .bind("service", window.getService()).bind("region", window.getRegion())
                .bind("requests", window.getCount()).bind("errors", window.getErrors())
                .bind("hour", start.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Requests per hour over [from, to). */
    public Mono<Map<Instant, Long>> hourly(String service, String region, Instant from, Instant to) {
        return db.sql("""
                        select hour_start, requests from apm_hourly
                        where service = :service and region = :region and hour_start >= :from and hour_start < :to""")
                .bind("service", service).bind("region", region)
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> Map.entry(row.get("hour_start", OffsetDateTime.class).toInstant(), row.get("requests", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The busiest minute since {@code since}, in requests per minute (all the service's series together); 0 without data. */
    public Mono<Double> busiestMinuteSince(String service, String region, Instant since) {
        return db.sql("""
                        select coalesce(max(per_minute), 0) from (
                            select sum(requests) as per_minute from apm_minute
                            where service = :service and region = :region and window_start >= :since
                            group by window_start) minutes""")
                .bind("service", service).bind("region", region).bind("since", since.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> row.get(0, Number.class).doubleValue()).one();
    }

    /** Forgets minutes and hours older than their retention. */
    public Mono<Void> prune(Instant minutesBefore, Instant hoursBefore) {
        return db.sql("delete from apm_minute where window_start < :before").bind("before", minutesBefore.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .then(db.sql("delete from apm_hourly where hour_start < :before").bind("before", hoursBefore.atOffset(ZoneOffset.UTC))
                        .fetch().rowsUpdated())
                .then();
    }
}
