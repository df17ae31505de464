package org.wedops.alert.intake;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.Alert;
import org.wedops.events.Topics;
import org.wedops.support.kafka.UnusableRecords;
import org.wedops.support.kafka.ListenerCalls;

/**
 * Consumes ops.alerts.v1 a poll at a time and acknowledges only after the batch's transaction committed. Waiting
 * here is on the consumer's own thread, never an event loop, and it is what keeps the commit after the database
 * write. A record that cannot be used is reported by its index, so the shared error handler commits the ones
 * before it, retries or dead-letters it, and goes on after it.
 */
@Component
@RequiredArgsConstructor
class AlertListener {

    private final AlertIntake intake;
    private final ListenerCalls calls;

    // a second router deployment on the same cluster (or a test beside another) needs a group of its own
    // large polls: in a storm most events re-fire alerts already firing, and a bigger batch collapses more of them
    @KafkaListener(id = "intake", groupId = "${spring.application.name}-intake", topics = Topics.ALERTS, batch = "true",
            properties = "max.poll.records=${wedops.alert.intake-batch:2000}")
    void onAlerts(List<ConsumerRecord<String, SpecificRecord>> records, Acknowledgment ack) {
        List<Alert> alerts = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, SpecificRecord> record = records.get(index);
            if (!(record.value() instanceof Alert alert)) {
                store(alerts, records);
                throw new BatchListenerFailedException("record " + index + " is not a usable Alert", UnusableRecords.cause(record, "Alert"), index);
            }
            alerts.add(alert);
        }
        store(alerts, records);
        ack.acknowledge();
    }

    /** The batch in one transaction; if that fails, one by one, so the failure is pinned on the record that causes it. */
    private void store(List<Alert> alerts, List<ConsumerRecord<String, SpecificRecord>> records) {
        try {
            calls.await(intake.acceptAll(alerts));
        } catch (RuntimeException batchFailure) {
            for (int index = 0; index < alerts.size(); index++) {
                try {
                    calls.await(intake.accept(alerts.get(index)));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("storing alert " + alerts.get(index).getFingerprint() + " failed", e,
                            records.get(index));
                }
            }
        }
    }
}
