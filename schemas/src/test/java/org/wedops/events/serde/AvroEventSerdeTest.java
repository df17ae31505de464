package org.wedops.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.events.WeddingCancelled;

class AvroEventSerdeTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");

    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    @Test
    void eventRoundTripsAsSingleObjectWithCloudEventHeaders() {
        serializer.configure(Map.of(AvroEventSerializer.SOURCE_CONFIG, "wedops/health-collector"), false);
        RecordHeaders headers = new RecordHeaders();
        ContainerHealthReported event = healthEvent();

        byte[] bytes = serializer.serialize(Topics.HEALTH, headers, event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaCatalog.fingerprint(ContainerHealthReported.getClassSchema()));
        assertThat(header(headers, CloudEventHeaders.ID)).isEqualTo("e-1");
        assertThat(header(headers, CloudEventHeaders.SOURCE)).isEqualTo("wedops/health-collector");
        assertThat(header(headers, CloudEventHeaders.TYPE)).isEqualTo("org.wedops.events.ContainerHealthReported");
        assertThat(header(headers, CloudEventHeaders.TIME)).isEqualTo("2026-06-06T14:00:00Z");
        assertThat(header(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(headers, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/avro");
        assertThat(deserializer.deserialize(Topics.HEALTH, headers, bytes)).isEqualTo(event);
    }

    @Test
    void reSerializingReplacesHeadersInsteadOfDuplicatingThem() {
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize(Topics.HEALTH, headers, healthEvent());
        serializer.serialize(Topics.HEALTH, headers, healthEvent());

        assertThat(headers.headers(CloudEventHeaders.ID)).hasSize(1);
    }

    @Test
    void eachRecordCarriesItsOwnEventTime() {
        RecordHeaders first = new RecordHeaders();
        RecordHeaders second = new RecordHeaders();
        RecordHeaders third = new RecordHeaders();
        serializer.serialize(Topics.HEALTH, first, healthEvent());
        ContainerHealthReported later = healthEvent();
        later.setOccurredAt(NOW.plusMillis(1500));
        serializer.serialize(Topics.HEALTH, second, later);
        serializer.serialize(Topics.HEALTH, third, healthEvent());

        assertThat(header(first, CloudEventHeaders.TIME)).isEqualTo("2026-06-06T14:00:00Z");
        assertThat(header(second, CloudEventHeaders.TIME)).isEqualTo("2026-06-06T14:00:01.500Z");
        assertThat(header(third, CloudEventHeaders.TIME)).isEqualTo("2026-06-06T14:00:00Z");
    }

    @Test
    void recordWrittenWithAnOlderSchemaVersionDecodesIntoTheCurrentClassWithDefaults() throws Exception {
        Schema older = SchemaBuilder.record("ContainerHealthReported").namespace("org.wedops.events").fields()
                .requiredString("eventId")
                .name("occurredAt").type(org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .requiredString("targetId").requiredString("service").requiredString("region")
                .name("source").type(ContainerHealthReported.getClassSchema().getField("source").schema()).noDefault()
                .name("status").type(ContainerHealthReported.getClassSchema().getField("status").schema()).noDefault()
                .endRecord();
        SchemaCatalog catalog = new SchemaCatalog(SchemaCatalog.get().currentSchemas(), List.of(older));
        GenericRecord old = new GenericData.Record(older);
        old.put("eventId", "e-old");
        old.put("occurredAt", NOW.toEpochMilli());
        old.put("targetId", "crm-api");
        old.put("service", "crm");
        old.put("region", "uk");
        old.put("source", new GenericData.EnumSymbol(older.getField("source").schema(), "HTTP"));
        old.put("status", new GenericData.EnumSymbol(older.getField("status").schema(), "CRITICAL"));
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old);

        SpecificRecord decoded = new AvroEventDeserializer(catalog).deserialize(Topics.HEALTH, new RecordHeaders(), encoded.array());

        assertThat(decoded).isInstanceOfSatisfying(ContainerHealthReported.class, event -> {
            assertThat(event.getTargetId()).isEqualTo("crm-api");
            assertThat(event.getStatus()).isEqualTo(HealthStatus.CRITICAL);
            assertThat(event.getProfile()).isEqualTo(ThresholdProfile.STANDARD);
            assertThat(event.getReasons()).isEmpty();
            assertThat(event.getResponseTimeMs()).isNull();
        });
    }

    @Test
    void unknownSchemaFingerprintIsRejectedWithTheFingerprint() {
        byte[] bytes = serializer.serialize(Topics.HEALTH, new RecordHeaders(), healthEvent());
        bytes[2] ^= 0x7F;

        assertThatThrownBy(() -> deserializer.deserialize(Topics.HEALTH, new RecordHeaders(), bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema fingerprint");
    }

    @Test
    void bytesWithoutTheSingleObjectMarkerAreRejected() {
        assertThatThrownBy(() -> deserializer.deserialize(Topics.HEALTH, new RecordHeaders(), "not avro at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not Avro single-object encoded");
    }

    @Test
    void avroJsonBodyOnAnIngressTopicDecodesWithoutCeType() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
        String json = """
                {"eventId":"e-2","occurredAt":1780754400000,"kind":"WEBHOOK","service":"payments",
                 "operation":"stripe.invoice.paid","provider":{"string":"stripe"},"region":"uk","environment":"prod",
                 "timestamp":1780754400000,"durationMs":123.4,"success":true,"errorType":null,"statusCode":{"int":200},
                 "chainId":{"string":"c-1"},"step":null,"route":null,"connectionCount":null,"disconnects":null,
                 "model":null,"timedOut":null,"tokensIn":null,"tokensOut":null,"costUsd":null,"attributes":{}}
                """;

        SpecificRecord decoded = deserializer.deserialize(Topics.APM_SAMPLES, headers, json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isInstanceOfSatisfying(ApmSample.class, sample -> {
            assertThat(sample.getKind()).isEqualTo(ApmSampleKind.WEBHOOK);
            assertThat(sample.getProvider()).isEqualTo("stripe");
            assertThat(sample.getDurationMs()).isEqualTo(123.4);
            assertThat(sample.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1780754400000L));
        });
    }

    @Test
    void avroJsonOnATopicWithSeveralTypesUsesCeTypeToChoose() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, "WeddingCancelled".getBytes(StandardCharsets.UTF_8));
        String json = "{\"eventId\":\"e-3\",\"occurredAt\":1780754400000,\"weddingId\":\"w-1\",\"reason\":null}";

        assertThat(deserializer.deserialize(Topics.WEDDINGS, headers, json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new WeddingCancelled("e-3", Instant.ofEpochMilli(1780754400000L), "w-1", null));
    }

    @Test
    void avroJsonOnATopicWithSeveralTypesAndNoCeTypeIsRejected() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.WEDDINGS, headers, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void jsonIsRefusedOnInternalTopics() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.ALERTS, headers, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ingress topics only");
    }

    @Test
    void malformedJsonIsRejectedAsASerializationError() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.APM_SAMPLES, headers, "{\"eventId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void tombstoneDecodesToNull() {
        assertThat(deserializer.deserialize(Topics.PROTECTION, new RecordHeaders(), (byte[]) null)).isNull();
    }

    @Test
    void everyShippedHistoryVersionIsAKnownWriter() {
        SchemaCatalog catalog = SchemaCatalog.get();
        for (Schema current : catalog.currentSchemas()) {
            assertThat(catalog.history(current.getFullName())).as(current.getFullName()).isNotEmpty();
            catalog.history(current.getFullName()).forEach(released ->
                    assertThat(catalog.writerSchema(SchemaCatalog.fingerprint(released))).isPresent());
        }
    }

    private static ContainerHealthReported healthEvent() {
        return ContainerHealthReported.newBuilder()
                .setEventId("e-1").setOccurredAt(NOW)
                .setTargetId("crm-api").setService("crm").setRegion("uk")
                .setSource(HealthSource.HTTP).setStatus(HealthStatus.CRITICAL)
                .setReasons(List.of("HTTP 500")).setProfile(ThresholdProfile.WEDDING_DAY)
                .setResponseTimeMs(12.5)
                .build();
    }

    private static String header(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
