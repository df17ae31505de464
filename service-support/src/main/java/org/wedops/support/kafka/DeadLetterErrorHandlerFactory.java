package org.wedops.support.kafka;

import org.apache.kafka.common.header.internals.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventSerializer;

/**
 * The one error path every WedOps consumer shares. A record that cannot be decoded, or whose processing keeps
 * failing, is published with its original bytes to {@code <topic>.dlt} (spring-kafka adds the exception class and
 * message, original topic, partition and offset as {@code kafka_dlt-*} headers; not the stack trace, which would
 * show the service's insides to anyone who reads the topic) and consumption goes on. A record that failed only because the database or broker is unreachable is retried with backoff
 * until it succeeds: an outage must not turn good events into dead letters.
 */
final class DeadLetterErrorHandlerFactory {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadLetterErrorHandlerFactory.class);

    /** Header on every dead letter: the root cause, e.g. "SerializationException: … not Avro single-object encoded". */
    static final String DEAD_LETTER_REASON_HEADER = "wedops_dlt-reason";

    private DeadLetterErrorHandlerFactory() {
    }

    static DefaultErrorHandler create(Map<String, Object> producerProperties, WedopsKafkaProperties properties) {
        KafkaTemplate<Object, Object> deadLetters = deadLetterTemplate(producerProperties);
        Object configuredLimit = producerProperties.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int maxRequestSize = configuredLimit == null ? DeadLetterSize.DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configuredLimit.toString());
        DeadLetterPublishingRecoverer recoverer = new FittingDeadLetters(deadLetters, maxRequestSize);
        recoverer.setHeadersFunction((record, exception) -> reasonHeader(exception));
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        FixedBackOff processingBackOff = new FixedBackOff(properties.processingBackoff().toMillis(), properties.processingRetries());
        // operators must notice a dead letter in the log, not only on the .dlt topic
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(), record.key(),
                    rootCause(exception));
            recoverer.accept(record, exception);
        }, processingBackOff);
        ExponentialBackOff untilAvailable = new ExponentialBackOff(500, 2.0);
        untilAvailable.setMaxInterval(properties.transientBackoffMax().toMillis());
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? untilAvailable : null);
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }

    /** The innermost cause's message, so a reader of the dead letter sees why without reading a stack trace. */
    private static Headers reasonHeader(Exception exception) {
        return new RecordHeaders()
                .add(DEAD_LETTER_REASON_HEADER, rootCause(exception).getBytes(StandardCharsets.UTF_8));
    }

    private static String rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof io.r2dbc.spi.R2dbcTransientException
                    || cause instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || cause instanceof ConnectException
                    // a database call past its timeout (a listener's bounded block, a pool that cannot hand out a connection)
                    || cause instanceof TimeoutException
                    || cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** Dead letters that fit in one produce request ({@link DeadLetterSize}). */
    private static final class FittingDeadLetters extends DeadLetterPublishingRecoverer {

        private final int maxRequestSize;

        FittingDeadLetters(KafkaTemplate<Object, Object> template, int maxRequestSize) {
            super(template, (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
            this.maxRequestSize = maxRequestSize;
        }

        @Override
        protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record, TopicPartition topicPartition,
                                                                      Headers headers, byte[] key, byte[] value) {
            ProducerRecord<Object, Object> deadLetter = super.createProducerRecord(record, topicPartition, headers, key, value);
            if (DeadLetterSize.fits(record.serializedKeySize(), record.serializedValueSize(), deadLetter.headers(), maxRequestSize)) {
                return deadLetter;
            }
            DeadLetterSize.markValueLeftOut(deadLetter.headers(), record.serializedValueSize());
            return new ProducerRecord<>(deadLetter.topic(), deadLetter.partition(), deadLetter.timestamp(), deadLetter.key(), null,
                    deadLetter.headers());
        }
    }

    private static KafkaTemplate<Object, Object> deadLetterTemplate(Map<String, Object> producerProperties) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // a key or value that failed to decode arrives as raw bytes; one that failed later is still an event
        Map<Class<?>, Serializer<?>> keySerializers = new LinkedHashMap<>();
        keySerializers.put(byte[].class, new ByteArraySerializer());
        keySerializers.put(String.class, new StringSerializer());
        Map<Class<?>, Serializer<?>> valueSerializers = new LinkedHashMap<>();
        valueSerializers.put(byte[].class, new ByteArraySerializer());
        AvroEventSerializer events = new AvroEventSerializer();
        events.configure(producerProperties, false);
        valueSerializers.put(SpecificRecord.class, events);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
                new DelegatingByTypeSerializer(keySerializers, true), new DelegatingByTypeSerializer(valueSerializers, true));
        return new KafkaTemplate<>(factory);
    }

}
