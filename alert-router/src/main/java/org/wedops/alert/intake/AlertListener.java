package org.wedops.alert.intake;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.Alert;
import org.wedops.events.Topics;

/**
 * Consumes ops.alerts.v1 and acknowledges each record only after its transaction committed. Waiting here is on
 * the consumer's own thread, never an event loop, and it is what keeps the commit after the database write.
 */
@Component
class AlertListener {

    private final AlertIntake intake;

    AlertListener(AlertIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "alert-intake", topics = Topics.ALERTS)
    void onAlert(ConsumerRecord<String, SpecificRecord> record, Acknowledgment ack) {
        if (!(record.value() instanceof Alert alert)) {
            throw new IllegalArgumentException("ops.alerts.v1 carries Alert events, not "
                    + (record.value() == null ? "null" : record.value().getSchema().getFullName()));
        }
        intake.accept(alert).block();
        ack.acknowledge();
    }
}
