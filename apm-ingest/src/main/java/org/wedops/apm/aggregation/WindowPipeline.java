package org.wedops.apm.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventSerializer;

/**
 * Runs the windows topology with exactly-once v2: a sample's effect on its window, the window store's changelog and
 * the emitted window commit together with the input offsets, so a crash or restart neither loses nor double-counts a
 * sample. Records that cannot be decoded or whose processing throws go to ops.apm.samples.v1.dlt with the error in
 * headers ({@link SampleDeadLetters}); processing goes on.
 * Instances with the same application id split the partitions. The clients take every connection setting (brokers,
 * TLS, SASL, client id, {@code spring.kafka.properties.*}, an SSL bundle) from Spring Boot's {@code spring.kafka.*} and
 * its {@link KafkaConnectionDetails}, as Boot's own Streams configuration and every other client of the service do, so
 * a secured broker needs no setting of its own here; the windows carry the {@code ce_source} every producer of the
 * service stamps.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WindowPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WindowPipeline.class);

    /** Undecodable records and records whose processing throws go to the dead-letter topic; processing goes on. */
    static final Map<String, String> DEAD_LETTERS = Map.of(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SampleDeadLetters.class.getName(),
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, SampleDeadLetters.class.getName(),
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.deadLetterOf(Topics.APM_SAMPLES));

    private final WindowSettings settings;
    private final KafkaProperties kafka;
    private final KafkaConnectionDetails connection;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics metrics;

    @Override
    public void start() {
        KafkaStreams started = new KafkaStreams(WindowTopology.build(settings, meters, clock, source(kafka)), properties());
        started.setUncaughtExceptionHandler(e -> {
            log.error("A windows stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        metrics = new KafkaStreamsMetrics(started);
        metrics.bindTo(meters);
        started.start();
        streams = started;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(settings.closeTimeout());
            streams = null;
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** Whether the pipeline is processing (not rebalancing, starting or dead); for tests and readiness. */
    public boolean isProcessing() {
        KafkaStreams running = streams;
        return running != null && running.state() == KafkaStreams.State.RUNNING;
    }

    Properties properties() {
        return properties(settings, kafka, connection);
    }

    /** The {@code ce_source} of the service's producers ({@code spring.kafka.producer.properties.wedops.cloudevents.source}). */
    static String source(KafkaProperties kafka) {
        return kafka.getProducer().getProperties().get(AvroEventSerializer.SOURCE_CONFIG);
    }

    /**
     * Boot's connection settings first, as Boot builds them for Streams (its properties, then the connection details'
     * brokers, security protocol and SSL bundle), then what this topology needs, which no general setting may change.
     */
    static Properties properties(WindowSettings settings, KafkaProperties kafka, KafkaConnectionDetails connection) {
        Properties properties = new Properties();
        properties.putAll(kafka.buildStreamsProperties());
        KafkaConnectionDetails.Configuration streams = connection.getStreams();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, streams.getBootstrapServers());
        if (streams.getSecurityProtocol() != null && !streams.getSecurityProtocol().isEmpty()) {
            properties.put(StreamsConfig.SECURITY_PROTOCOL_CONFIG, streams.getSecurityProtocol());
        }
        SslBundle bundle = streams.getSslBundle();
        if (bundle != null) {
            properties.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
            properties.put(SslBundle.class.getName(), bundle);
        }
        properties.putAll(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId(),
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(settings.commitInterval().toMillis()),
                StreamsConfig.STATE_DIR_CONFIG, settings.stateDir(),
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(settings.threads())));
        properties.putAll(DEAD_LETTERS);
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return properties;
    }
}
