package org.wedops.support.protection;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;

/**
 * The current {@link ProtectionState} of every region, materialised from the compacted {@code ops.protection.v1}.
 * Every instance reads every partition from the beginning, like a global table, through a consumer group of its
 * own: the topic holds one small record per region, and the scaling-planner is its single source of truth. No
 * offsets are committed; a restart reads the compacted topic again.
 */
public class ProtectionStates extends AbstractConsumerSeekAware {

    private final Map<String, ProtectionState> byRegion = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProtectionStates(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onPartitionsAssigned(Map<org.apache.kafka.common.TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        callback.seekToBeginning(assignments.keySet());
    }

    @KafkaListener(id = "${spring.application.name}-protection-view", idIsGroup = false,
            groupId = "${spring.application.name}-protection-${random.uuid}", topics = Topics.PROTECTION)
    void onProtectionState(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            byRegion.remove(record.key());
        } else if (record.value() instanceof ProtectionState state) {
            byRegion.merge(state.getRegion(), state,
                    (known, incoming) -> incoming.getOccurredAt().isBefore(known.getOccurredAt()) ? known : incoming);
        }
    }

    public Optional<ProtectionState> of(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }

    /** Threshold profile for a region; STANDARD until the planner has said otherwise. */
    public ThresholdProfile profile(String region) {
        return of(region).map(ProtectionState::getProfile).orElse(ThresholdProfile.STANDARD);
    }

    /** Whether a protected window (freeze, wedding, emergency) is active in the region now. */
    public boolean isProtected(String region) {
        return of(region).map(state -> state.getFreezeActive() || state.getWeddingActive() || state.getEmergency()
                        || (state.getFreezeUntil() != null && state.getFreezeUntil().isAfter(clock.instant())))
                .orElse(false);
    }

    public Map<String, ProtectionState> all() {
        return Map.copyOf(byRegion);
    }
}
