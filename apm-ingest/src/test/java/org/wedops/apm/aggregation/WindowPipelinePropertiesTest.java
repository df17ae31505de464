package org.wedops.apm.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class WindowPipelinePropertiesTest {

    private static final WindowSettings SETTINGS = new WindowSettings(Duration.ofSeconds(30), "wedops-apm-windows", "/tmp/streams",
            Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Duration.ofHours(24), 256, Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void theStreamsClientsGetTheSameBrokerTlsAndSaslSettingsAsEveryOtherClientOfTheService() {
        KafkaProperties kafka = kafka(Map.of(
                "spring.kafka.bootstrap-servers", "kafka-1:9093",
                "spring.kafka.security.protocol", "SASL_SSL",
                "spring.kafka.ssl.trust-store-location", "file:/etc/wedops/kafka-ca/ca.crt",
                "spring.kafka.ssl.trust-store-type", "PEM",
                "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                "spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"apm-ingest\" password=\"p\";"));

        Properties properties = WindowPipeline.properties(SETTINGS, kafka);

        assertThat(properties).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"apm-ingest\" password=\"p\";");
        assertThat(String.valueOf(properties.get("ssl.truststore.location"))).endsWith("/etc/wedops/kafka-ca/ca.crt");
        // and Streams accepts them as its own configuration
        StreamsConfig config = new StreamsConfig(properties);
        assertThat(config.getString(StreamsConfig.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
        assertThat(config.getList(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).containsExactly("kafka-1:9093");
    }

    @Test
    void noGeneralKafkaSettingChangesWhatTheTopologyDependsOn() {
        KafkaProperties kafka = kafka(Map.of(
                "spring.kafka.bootstrap-servers", "127.0.0.1:9092",
                "spring.kafka.streams.application-id", "someone-else",
                "spring.kafka.properties.processing.guarantee", "at_least_once",
                "spring.kafka.streams.properties.num.stream.threads", "8"));

        Properties properties = WindowPipeline.properties(SETTINGS, kafka);

        assertThat(properties).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "wedops-apm-windows")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/tmp/streams")
                .containsEntry(StreamsConfig.producerPrefix("acks"), "all");
    }

    private static KafkaProperties kafka(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("spring.kafka", KafkaProperties.class)
                .orElseGet(KafkaProperties::new);
    }
}
