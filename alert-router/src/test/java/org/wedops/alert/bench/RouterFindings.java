package org.wedops.alert.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wedops.alert.bench.AlertStream.Ev;
import org.wedops.alert.bench.AlertStream.Phase;

/**
 * What only the WedOps side can tell, added to its results: database commits per alert, intake lag and throughput
 * from processed_event, the Kafka hop beside the router, the router's own timers, the consumer lag's peak, and where
 * the first notification of each new CRITICAL group spent its time.
 */
final class RouterFindings {

    private final WedopsTarget target;
    private final Recording recording;

    RouterFindings(WedopsTarget target) {
        this.target = target;
        this.recording = target.recording;
    }

    void addTo(Map<String, Object> out, Analysis analysis) throws Exception {
        long commitsAtEnd = target.database.transactionsCommitted();
        Map<String, Long> processedAt = target.database.processedAt();
        RouterDatabase.Outbox outbox = target.database.outbox();
        out.put("outbox_rows_by_status", outbox.byStatus());
        out.put("outbox_rows_retried", outbox.retried());
        long measuredEvents = recording.stream.steady.events().size() + recording.stream.storm.events().size();
        if (target.commitsAtSteady > 0 && commitsAtEnd > 0) {
            out.put("postgres_commits_per_alert", Math.round(100.0 * (commitsAtEnd - target.commitsAtSteady) / measuredEvents) / 100.0);
        }
        out.put("router_intake", intakeLag(processedAt));
        out.put("kafka_hop", target.probe.hop(recording));
        writeProcessed(processedAt);
        Map<String, Object> throughput = throughput(processedAt);
        if (throughput != null) {
            out.put("router_throughput", throughput);
        }
        out.put("router_metrics", RouterMetrics.delta(target.metricsAtSteady,
                RouterMetrics.scrape(target.routerUrl, recording.results.resolve("alert-router-prometheus.txt"))));
        consumerLag(out);
        out.put("first_notification_stages_critical", firstNotificationStages(analysis, processedAt, outbox.firstFlushByGroup()));
    }

    /** Processing lag per phase, from processed_event.processed_at (the start of each event's transaction). */
    private Map<String, Object> intakeLag(Map<String, Long> processedAt) {
        Map<String, Object> intake = new LinkedHashMap<>();
        for (Phase phase : List.of(recording.stream.steady, recording.stream.storm)) {
            List<Long> lags = new ArrayList<>();
            int missing = 0;
            for (Ev e : phase.events()) {
                Long at = processedAt.get(target.eventIds[e.index()]);
                if (at == null) {
                    missing++;
                    continue;
                }
                lags.add(at - recording.sendMicros[e.index()]);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("processed", lags.size());
            m.put("not_processed", missing);
            m.put("send_to_intake_ms", Percentiles.of(lags));
            intake.put(phase.name(), m);
        }
        return intake;
    }

    private void writeProcessed(Map<String, Long> processedAt) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(recording.results.resolve("wedops-processed.csv")))) {
            w.println("index,phase,fingerprint,first,send_us,processed_us");
            for (Phase phase : List.of(recording.stream.warmup, recording.stream.steady, recording.stream.storm)) {
                for (Ev e : phase.events()) {
                    Long at = processedAt.get(target.eventIds[e.index()]);
                    w.println(e.index() + "," + e.phase() + "," + e.fp().id() + "," + e.first() + "," + recording.sendMicros[e.index()] + ","
                            + (at == null ? "" : at));
                }
            }
        }
    }

    /** Mean and best 5-second rate of the measured events into the database; null when fewer than two were processed. */
    private Map<String, Object> throughput(Map<String, Long> processedAt) {
        List<Long> all = new ArrayList<>();
        for (Phase phase : List.of(recording.stream.steady, recording.stream.storm)) {
            for (Ev e : phase.events()) {
                Long at = processedAt.get(target.eventIds[e.index()]);
                if (at != null) {
                    all.add(at);
                }
            }
        }
        all.sort(Long::compare);
        if (all.size() < 2) {
            return null;
        }
        int best = 0;
        for (int i = 0, j = 0; i < all.size(); i++) {
            while (all.get(i) - all.get(j) > 5_000_000) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        long last = all.get(all.size() - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processed", all.size());
        m.put("mean_per_s", Math.round(all.size() / ((last - recording.marks.get("steadyStart")) / 1e6)));
        m.put("best_5s_window_per_s", best / 5);
        m.put("last_processed_after_storm_end_s", Math.round((last - recording.marks.get("stormEnd")) / 1e5) / 10.0);
        return m;
    }

    private void consumerLag(Map<String, Object> out) throws IOException {
        long peak = 0;
        long peakAt = 0;
        synchronized (target.lagTimeline) {
            for (long[] sample : target.lagTimeline) {
                if (sample[1] > peak) {
                    peak = sample[1];
                    peakAt = sample[0];
                }
            }
        }
        out.put("consumer_lag_peak", peak);
        out.put("consumer_lag_peak_after_storm_start_s", peak == 0 ? null : Math.round((peakAt - recording.marks.get("stormStart")) / 1e5) / 10.0);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(recording.results.resolve("wedops-lag.csv")))) {
            w.println("t_us,lag,committed");
            synchronized (target.lagTimeline) {
                target.lagTimeline.forEach(sample -> w.println(sample[0] + "," + sample[1] + "," + sample[2]));
            }
        }
    }

    /** Where the first notification of each new CRITICAL group spent its time: queue, transaction and flush, dispatch. */
    private Map<String, Object> firstNotificationStages(Analysis analysis, Map<String, Long> processedAt, Map<String, long[]> firstFlush) {
        Map<String, Object> stages = new LinkedHashMap<>();
        for (String phase : List.of("steady", "storm")) {
            List<Long> queue = new ArrayList<>();
            List<Long> flush = new ArrayList<>();
            List<Long> dispatch = new ArrayList<>();
            for (Analysis.Group g : analysis.groups.values()) {
                if (!g.phase.equals(phase) || !g.severity.equals("CRITICAL") || g.firstNotified == 0) {
                    continue;
                }
                Long intakeAt = processedAt.get(target.eventIds[g.firstEvent]);
                long[] flushAt = firstFlush.get(g.key);
                if (intakeAt == null || flushAt == null) {
                    continue;
                }
                queue.add(intakeAt - g.firstSend);
                flush.add(flushAt[0] - intakeAt);
                dispatch.add(g.firstNotified - flushAt[0]);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("send_to_intake_ms (Kafka + consumer queue)", Percentiles.of(queue));
            m.put("intake_to_outbox_ms (transaction + group flush)", Percentiles.of(flush));
            m.put("outbox_to_webhook_ms (dispatcher + HTTP)", Percentiles.of(dispatch));
            stages.put(phase, m);
        }
        return stages;
    }
}
