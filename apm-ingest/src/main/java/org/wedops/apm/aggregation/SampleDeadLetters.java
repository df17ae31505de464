package org.wedops.apm.aggregation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.wedops.events.Topics;
import org.wedops.support.kafka.DeadLetterSize;

/**
 * The windows stream's error path: a record that cannot be decoded, or whose processing throws, is written with its
 * original key and value bytes (and headers) to the dead-letter topic and processing goes on. Before this a record that
 * threw killed the stream thread, its replacement read the same record and died too, and every window of the partition
 * stopped.
 *
 * <p>The dead letters carry the headers every other WedOps consumer's dead letters carry (service-support's
 * {@code DeadLetterErrorHandlerFactory}, through spring-kafka): {@code wedops_dlt-reason} with the root cause, and
 * spring-kafka's {@code kafka_dlt-exception-fqcn}, {@code -message}, {@code -original-topic}, {@code -partition},
 * {@code -offset} and {@code -timestamp}, so one tool reads them all. Not the stack trace: a poison record is a fact
 * about the data, and a stack per record would multiply the topic's size. They go out through Streams' own
 * dead-letter mechanism ({@code Response.resume(deadLetterQueueRecords)}, KIP-1034), inside the task's exactly-once
 * transaction, to {@code errors.dead.letter.queue.topic.name} (ops.apm.samples.v1.dlt as WindowPipeline sets it).
 * A dead letter that would be too large to send carries no value, only the headers and
 * {@code wedops_dlt-value-left-out} with the original's size: the original stays readable at its offset.
 */
public final class SampleDeadLetters implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SampleDeadLetters.class);

    /** The header service-support's DeadLetterErrorHandlerFactory names the same way (package-private there). */
    static final String REASON_HEADER = "wedops_dlt-reason";

    private String deadLetterTopic;
    private int maxRequestSize = DeadLetterSize.DEFAULT_MAX_REQUEST_SIZE;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = configured == null ? null : configured.toString();
        Object limit = configs.containsKey(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))
                ? configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))
                : configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (limit != null) {
            maxRequestSize = Integer.parseInt(limit.toString());
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return DeserializationExceptionHandler.Response.resume(deadLetter(context, record.key(), record.value(), exception));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        // a punctuation has no source record: there is nothing to dead-letter, and the next punctuation tries again
        return ProcessingExceptionHandler.Response.resume(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), exception));
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value, Exception exception) {
        // operators must notice a dead letter in the log, not only on the .dlt topic
        log.warn("Dead-lettering {}-{}@{} in {}: {}", context.topic(), context.partition(), context.offset(), context.processorNodeId(),
                rootCause(exception));
        if (context.topic() == null || value == null && key == null) {
            return List.of();
        }
        String topic = deadLetterTopic != null ? deadLetterTopic : Topics.deadLetterOf(context.topic());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : context.headers()) {
            headers.add(header);
        }
        headers.add(REASON_HEADER, utf8(rootCause(exception)));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(exception.getClass().getName()));
        if (exception.getMessage() != null) {
            headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(exception.getMessage()));
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(context.topic()));
        // as spring-kafka writes them: a 4-byte partition and 8-byte offset and timestamp, big-endian
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(context.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(context.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(context.timestamp()).array());
        // A dead letter is its record plus these headers, so a record just under the size limit makes one just over it.
        // Under exactly-once a send refused as too large poisons the task's transaction whatever a production handler
        // answers, the thread dies, and its replacement dies on the same record: the value is left out instead, and
        // the headers above still say where the original is.
        if (!DeadLetterSize.fits(key == null ? 0 : key.length, value == null ? 0 : value.length, headers, maxRequestSize)) {
            DeadLetterSize.markValueLeftOut(headers, value == null ? 0 : value.length);
            value = null;
        }
        // no partition: the dead-letter topic may have fewer partitions, and a failed send would stop the thread again
        return List.of(new ProducerRecord<>(topic, null, context.timestamp() < 0 ? null : context.timestamp(), key, value, headers));
    }

    /** The innermost cause, as service-support writes it: "SerializationException: … not Avro single-object encoded". */
    private static String rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
