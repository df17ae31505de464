package org.wedops.support.protection;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import lombok.RequiredArgsConstructor;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;

/**
 * The current {@link ProtectionState} of every region, materialised from the compacted {@code ops.protection.v1}.
 * Every instance reads every partition from the beginning, like a global table, through a consumer group of its
 * own: the topic holds one small record per region, and the scaling-planner is its single source of truth. No
 * offsets are committed; a restart reads the compacted topic again.
 * <p>
 * Until the view has read every partition to the end offset it found, and whenever it stops reading, every region is
 * {@link RegionProtection.Knowledge#UNKNOWN unknown}: a service that has just started must not mistake "not read yet"
 * for "not protected". The check runs on
 * the consumer's own thread whenever the container is idle (no record for {@code caughtUpPoll}), which is also how an
 * empty topic is noticed.
 */
@RequiredArgsConstructor
public class ProtectionStates extends AbstractConsumerSeekAware {

    public static final String CONTAINER_POST_PROCESSOR = "protectionViewContainerPostProcessor";
    /** The view's listener id, for whoever stops or starts it through the listener registry. */
    public static final String LISTENER_ID = "protection-view";

    private static final Logger log = LoggerFactory.getLogger(ProtectionStates.class);
    private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, ProtectionState> byRegion = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ProtectionViewProperties settings;
    private volatile boolean caughtUp;

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        // reading from the beginning again: current only once it has reached the end again
        caughtUp = false;
        callback.seekToBeginning(assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        super.onPartitionsRevoked(partitions);
        // a view that no longer reads (stopped, or between assignments) cannot vouch for what it holds
        caughtUp = false;
    }

    @KafkaListener(id = LISTENER_ID, groupId = "${spring.application.name}-protection-view-${random.uuid}", topics = Topics.PROTECTION,
            containerPostProcessor = CONTAINER_POST_PROCESSOR)
    void onProtectionState(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            byRegion.remove(record.key());
        } else if (record.value() instanceof ProtectionState state) {
            byRegion.merge(state.getRegion(), state, (known, incoming) -> newer(known, incoming) ? known : incoming);
        }
    }

    /**
     * Whether the state held is newer than the one arriving, by when the planner stamped them. A state stamped in the
     * future never wins this way: it would keep every true state after it out for as long as its clock is ahead.
     */
    private boolean newer(ProtectionState known, ProtectionState incoming) {
        return incoming.getOccurredAt().isBefore(known.getOccurredAt())
                && !known.getOccurredAt().isAfter(clock.instant().plus(settings.staleAfter()));
    }

    /** Idle events arrive on the consumer's thread, the only one allowed to ask it for positions. */
    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        Collection<TopicPartition> partitions = idle.getTopicPartitions();
        if (caughtUp || partitions == null || partitions.isEmpty()
                || !partitions.stream().allMatch(partition -> Topics.PROTECTION.equals(partition.topic()))) {
            return;
        }
        Consumer<?, ?> consumer = idle.getConsumer();
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, OFFSETS_TIMEOUT);
            if (ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), OFFSETS_TIMEOUT) >= end.getValue())) {
                caughtUp = true;
                log.info("Protection view caught up with {} ({} regions)", Topics.PROTECTION, byRegion.size());
            }
        } catch (KafkaException e) {
            // the broker is away: the view stays unknown, and the next idle event asks again
            log.debug("Protection view could not compare its position with the topic's end: {}", e.toString());
        }
    }

    /** The region's protection as every automatic action must read it: known, unknown or stale. */
    public RegionProtection protection(String region) {
        return RegionProtection.classify(region, byRegion.get(region), caughtUp, clock.instant(), settings.staleAfter());
    }

    /** Whether the view has read ops.protection.v1 to the end offsets it found when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** The last state read for the region, trusted or not: for labels and displays, never for a guard. */
    public Optional<ProtectionState> of(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }

    /** Threshold profile for a region; STANDARD until the planner has said otherwise. */
    public ThresholdProfile profile(String region) {
        return of(region).map(ProtectionState::getProfile).orElse(ThresholdProfile.STANDARD);
    }

    public Map<String, ProtectionState> all() {
        return Map.copyOf(byRegion);
    }

    /** Turns on the idle events the caught-up check runs on, for the protection view's container only. */
    public static ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> idleEvents(
            ProtectionViewProperties settings) {
        return container -> {
            container.getContainerProperties().setIdleEventInterval(settings.caughtUpPoll().toMillis());
            // the default waits five intervals before the first record, which would hold an empty topic's view back
            container.getContainerProperties().setIdleBeforeDataMultiplier(1.0);
            // idleness is only noticed when a poll returns empty: with the default 5 s poll an empty topic took up to
            // ten seconds to count as read, and the service answered "unknown" for that long after saying it was ready
            container.getContainerProperties().setPollTimeout(settings.caughtUpPoll().toMillis());
        };
    }
}
