package org.wedops.planner.forecast;

import java.time.Clock;
import java.time.Duration;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.ApmWindow;
import org.wedops.events.Topics;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.kafka.ListenerCalls;

/**
 * Aggregates closed APM windows from ops.apm.windows.v1 into throughput per hour; acknowledged once committed.
 * Old minutes and hours are pruned hourly.
 */
@Component
@RequiredArgsConstructor
class ApmWindowListener {

    private final ThroughputHistory history;
    private final ForecastProperties properties;
    private final RecurringWork work;
    private final Clock clock;
    private final ListenerCalls calls;

    @KafkaListener(id = "apm-windows", groupId = "${spring.application.name}-apm-windows", topics = Topics.APM_WINDOWS)
    void onWindow(ApmWindow window, Acknowledgment ack) {
        calls.await(history.record(window));
        ack.acknowledge();
    }

    @EventListener(ApplicationReadyEvent.class)
    void pruneHourly() {
        work.start("throughput pruning", Duration.ofHours(1), () -> history.prune(
                clock.instant().minus(properties.minuteRetention()), clock.instant().minus(properties.retention())));
    }
}
