package org.wedops.planner.calendar;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.Topics;
import org.wedops.events.WeddingCancelled;
import org.wedops.events.WeddingScheduled;
import org.wedops.planner.protection.ProtectionInputsChanged;
import org.wedops.support.kafka.ListenerCalls;

/**
 * Keeps the wedding calendar in step with ops.weddings.v1 and has protection recomputed after each change. The
 * offset is acknowledged only once the row is committed. The consumer thread waits for the write: it is a thread of its own, and waiting keeps one wedding's
 * events in order and leaves a failed write to the container's retries and dead-letter topic.
 */
@Component
@KafkaListener(id = "wedding-calendar", groupId = "${spring.application.name}-wedding-calendar", topics = Topics.WEDDINGS)
@RequiredArgsConstructor
class WeddingEventsListener {

    private static final Logger log = LoggerFactory.getLogger(WeddingEventsListener.class);

    private final WeddingCalendar calendar;
    private final ApplicationEventPublisher protection;
    private final ListenerCalls calls;

    @KafkaHandler
    void onScheduled(WeddingScheduled event, Acknowledgment ack) {
        Boolean applied = calls.await(calendar.schedule(Wedding.from(event), eventId(event.getEventId()), event.getOccurredAt()));
        if (Boolean.TRUE.equals(applied)) {
            protection.publishEvent(new ProtectionInputsChanged("wedding " + event.getWeddingId()));
        } else {
            log.debug("WeddingScheduled {} for {} is not newer than the stored wedding; ignored", event.getEventId(), event.getWeddingId());
        }
        ack.acknowledge();
    }

    @KafkaHandler
    void onCancelled(WeddingCancelled event, Acknowledgment ack) {
        Boolean applied = calls.await(calendar.cancel(event.getWeddingId(), event.getReason(), eventId(event.getEventId()), event.getOccurredAt()));
        if (Boolean.TRUE.equals(applied)) {
            protection.publishEvent(new ProtectionInputsChanged("wedding " + event.getWeddingId()));
        } else {
            log.debug("WeddingCancelled {} for {} is not newer than the stored wedding; ignored", event.getEventId(), event.getWeddingId());
        }
        ack.acknowledge();
    }

    /** Anything else on the topic is a producer's mistake: straight to the dead-letter topic. */
    @KafkaHandler(isDefault = true)
    void onUnexpected(Object event) {
        throw new IllegalArgumentException("not a wedding event: " + event.getClass().getName());
    }

    private static UUID eventId(String eventId) {
        return UUID.fromString(eventId);
    }
}
