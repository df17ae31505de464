package org.wedops.deploy.verification;

import java.time.ZoneOffset;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.ApmWindow;
import org.wedops.events.Topics;
import org.wedops.support.kafka.ListenerCalls;

/**
 * Keeps closed APM windows from ops.apm.windows.v1, the baseline and the evidence of verification. Idempotent on the
 * window's natural key (series, start); the offset is acknowledged once the row is committed. The consumer thread
 * waits for the write, as LatestTargetHealth does, so a failing write goes to the retries and the dead-letter topic.
 */
@Component
@RequiredArgsConstructor
class ApmWindowListener {

    private final DatabaseClient db;
    private final ListenerCalls calls;

    @KafkaListener(id = "apm-windows", groupId = "${spring.application.name}-apm-windows", topics = Topics.APM_WINDOWS)
    void onWindow(ApmWindow window, Acknowledgment ack) {
        calls.await(db.sql("""
                        insert into apm_window (series_key, window_start, window_end, service, environment, region, requests, errors, max_ms, event_id,
                                                sketch_type, sketch)
                        values (:series, :start, :end, :service, :environment, :region, :requests, :errors, :max, :eventId, :sketchType, :sketch)
                        on conflict (series_key, window_start) do nothing""")
                .bind("series", window.getSeriesKey()).bind("start", window.getWindowStart().atOffset(ZoneOffset.UTC))
                .bind("end", window.getWindowEnd().atOffset(ZoneOffset.UTC)).bind("service", window.getService())
                .bind("environment", window.getEnvironment()).bind("region", window.getRegion())
                .bind("requests", window.getCount()).bind("errors", window.getErrors()).bind("max", window.getMax())
                .bind("eventId", UUID.fromString(window.getEventId()))
                .bind("sketchType", window.getSketchType()).bind("sketch", window.getSketch())
                .fetch().rowsUpdated());
        ack.acknowledge();
    }
}
