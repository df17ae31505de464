package org.wedops.apm.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Streams clients are configured by Spring Boot's Kafka settings and connection details, as Boot's own would be. */
class WindowPipelinePropertiesTest {

    private static final WindowSettings SETTINGS = new WindowSettings(Duration.ofSeconds(30), "wedops-apm-windows", "/tmp/streams",
            Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Duration.ofHours(24), 256, Duration.ofSeconds(10), Duration.ofSeconds(5));

    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, SslAutoConfiguration.class));

    @Test
    void theStreamsClientsGetTheSameBrokerTlsAndSaslSettingsAsEveryOtherClientOfTheService() {
        streamsProperties(Map.of(
                "spring.kafka.bootstrap-servers", "kafka-1:9093",
                "spring.kafka.security.protocol", "SASL_SSL",
                "spring.kafka.ssl.trust-store-location", "file:/etc/wedops/kafka-ca/ca.crt",
                "spring.kafka.ssl.trust-store-type", "PEM",
                "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                "spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"apm-ingest\" password=\"p\";"), properties -> {
            assertThat(properties).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"apm-ingest\" password=\"p\";");
            assertThat(String.valueOf(properties.get("ssl.truststore.location"))).endsWith("/etc/wedops/kafka-ca/ca.crt");
            // and Streams accepts them as its own configuration
            StreamsConfig config = new StreamsConfig(properties);
            assertThat(config.getString(StreamsConfig.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
            assertThat(config.getList(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).containsExactly("kafka-1:9093");
        });
    }

    @Test
    void anSslBundleNamedInBootsKafkaSettingsSecuresTheStreamsClientsToo(@TempDir Path dir) throws Exception {
        Path trustStore = emptyTrustStore(dir.resolve("kafka-ca.p12"), "changeit");

        streamsProperties(Map.of(
                "spring.kafka.bootstrap-servers", "kafka-1:9093",
                "spring.kafka.security.protocol", "SSL",
                "spring.kafka.ssl.bundle", "kafka",
                "spring.ssl.bundle.jks.kafka.truststore.location", "file:" + trustStore,
                "spring.ssl.bundle.jks.kafka.truststore.type", "PKCS12",
                "spring.ssl.bundle.jks.kafka.truststore.password", "changeit"), properties -> {
            assertThat(properties).containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class)
                    .containsEntry("security.protocol", "SSL");
            assertThat(properties.get(SslBundle.class.getName())).isInstanceOf(SslBundle.class);
            // Streams hands it to every client it makes
            StreamsConfig config = new StreamsConfig(properties);
            assertThat(config.getProducerConfigs("windows-producer"))
                    .containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
            assertThat(config.getMainConsumerConfigs("wedops-apm-windows", "windows-consumer", 0))
                    .containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
        });
    }

    @Test
    void noGeneralKafkaSettingChangesWhatTheTopologyDependsOn() {
        streamsProperties(Map.of(
                "spring.kafka.bootstrap-servers", "127.0.0.1:9092",
                "spring.kafka.streams.application-id", "someone-else",
                "spring.kafka.properties.processing.guarantee", "at_least_once",
                "spring.kafka.streams.properties.num.stream.threads", "8"), properties ->
                assertThat(properties).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "wedops-apm-windows")
                        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2")
                        .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/tmp/streams")
                        .containsEntry(StreamsConfig.producerPrefix("acks"), "all"));
    }

    @Test
    void theWindowsCarryTheSourceEveryProducerOfTheServiceStamps() {
        boot.withPropertyValues("spring.application.name=apm-ingest",
                        "spring.kafka.producer.properties.wedops.cloudevents.source=wedops/${spring.application.name}")
                .run(context -> assertThat(WindowPipeline.source(context.getBean(KafkaProperties.class))).isEqualTo("wedops/apm-ingest"));
    }

    private void streamsProperties(Map<String, String> settings, Consumer<Properties> check) {
        boot.withPropertyValues(settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run(context -> check.accept(WindowPipeline.properties(SETTINGS, context.getBean(KafkaProperties.class),
                        context.getBean(KafkaConnectionDetails.class))));
    }

    private static Path emptyTrustStore(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
