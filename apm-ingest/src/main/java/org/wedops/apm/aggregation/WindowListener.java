package org.wedops.apm.aggregation;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.ApmWindow;
import org.wedops.events.Topics;
import org.wedops.support.kafka.UnusableRecords;
import org.wedops.support.kafka.ListenerCalls;

/**
 * Stores the windows of ops.apm.windows.v1 (read committed: only windows of committed Streams transactions), a poll
 * at a time, acknowledging after the upsert committed. A record that is not a window is handed to the error handler
 * by its index, which dead-letters it and goes on.
 */
@Component
@RequiredArgsConstructor
class WindowListener {

    private final WindowStore store;
    private final ListenerCalls calls;

    @KafkaListener(id = "window-store", groupId = "${spring.application.name}-window-store", topics = Topics.APM_WINDOWS, batch = "true", properties = "max.poll.records=2000")
    void onWindows(List<ConsumerRecord<String, SpecificRecord>> records, Acknowledgment ack) {
        List<ApmWindow> windows = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            if (!(records.get(index).value() instanceof ApmWindow window)) {
                calls.await(store.upsertAll(windows));
                throw new BatchListenerFailedException("record " + index + " is not an ApmWindow",
                        UnusableRecords.cause(records.get(index), "ApmWindow"), index);
            }
            windows.add(window);
        }
        calls.await(store.upsertAll(windows));
        ack.acknowledge();
    }
}
