package org.wedops.apm.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import org.wedops.apm.ApmIngestProperties;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmSampleTimes;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.FieldProblem;

import reactor.core.publisher.Mono;

/**
 * Reads and validates each sample of a batch and puts the valid ones on ops.apm.samples.v1, the samples of each
 * partition together in one {@link ApmSampleBatch} record (a partition's share is one record, or a few for a very
 * large batch), on the partition their series keys hash to, as the producer would place a sample keyed by its
 * series. Answers once the broker has acknowledged all of them. A failed send fails the request (503), and the
 * emitter retries the batch: delivery is at least once.
 */
@Component
public class SampleIngest {

    /** Keeps a record well under the producer's 1 MB request limit even for samples with many attributes. */
    static final int MAX_SAMPLES_PER_RECORD = 500;

    private final KafkaTemplate<String, SpecificRecord> template;
    private final EventPublisher publisher;
    private final SampleValidator validator;
    private final Clock clock;

    /**
     * Samples go through a template of their own on the shared producer, without the per-record observation the
     * services' template has: the HTTP request is traced, and a span per sample halved the ingest rate in
     * bench/apm-ingest.
     */
    SampleIngest(ProducerFactory<String, SpecificRecord> producers, ApmIngestProperties properties, Clock clock) {
        this.template = new KafkaTemplate<>(producers);
        this.publisher = new EventPublisher(template);
        this.validator = new SampleValidator(properties.maxFutureSkew());
        this.clock = clock;
    }

    public Mono<IngestResult> ingest(List<SampleBatchReader.ReadSample> samples) {
        // whole milliseconds, as the samples carry it: truncated once here, not once per sample
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SampleEventIds eventIds = new SampleEventIds();
        List<ApmSample> valid = new ArrayList<>(samples.size());
        List<IngestResult.Rejection> rejected = new ArrayList<>();
        for (int index = 0; index < samples.size(); index++) {
            SampleInput sample = samples.get(index).sample();
            List<FieldProblem> problems = sample == null ? samples.get(index).problems() : validator.problems(sample, now);
            if (problems.isEmpty()) {
                valid.add(toEvent(sample, eventIds.of(index), now));
            } else {
                int at = index;
                problems.forEach(problem -> rejected.add(new IngestResult.Rejection(at, problem.field(), problem.message())));
            }
        }
        IngestResult result = new IngestResult(valid.size(), List.copyOf(rejected));
        if (valid.isEmpty()) {
            return Mono.just(result);
        }
        // the partition count comes from the producer's metadata, which it may have to fetch: not on the event loop
        return publisher.publishAll(() -> records(valid, template.partitionsFor(Topics.APM_SAMPLES).size(), now))
                .thenReturn(result);
    }

    /**
     * One record per partition and outcome: the failed samples travel apart from the successful ones, so that the error
     * groups decode only the records that hold failures.
     */
    static List<ProducerRecord<String, SpecificRecord>> records(List<ApmSample> samples, int partitions, Instant now) {
        Map<RecordGroup, List<ApmSample>> groups = new LinkedHashMap<>();
        for (ApmSample sample : samples) {
            int partition = BuiltInPartitioner.partitionForKey(SeriesKey.of(sample).getBytes(StandardCharsets.UTF_8), partitions);
            groups.computeIfAbsent(new RecordGroup(partition, sample.getSuccess()), group -> new ArrayList<>()).add(sample);
        }
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        groups.forEach((group, ofGroup) -> {
            for (int from = 0; from < ofGroup.size(); from += MAX_SAMPLES_PER_RECORD) {
                List<ApmSample> chunk = ofGroup.subList(from, Math.min(ofGroup.size(), from + MAX_SAMPLES_PER_RECORD));
                ApmSampleBatch batch = new ApmSampleBatch(UUID.randomUUID().toString(), now, chunk);
                ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.APM_SAMPLES, group.partition(), null, batch);
                SampleOutcomeHeader.write(record.headers(), group.success());
                records.add(record);
            }
        });
        return records;
    }

    private record RecordGroup(int partition, boolean success) {
    }

    /** The sample's own map unless it has null values, which an Avro map cannot hold; read per request, never shared. */
    private static Map<String, String> attributesOf(SampleInput sample) {
        if (sample.attributes() == null) {
            return new LinkedHashMap<>();
        }
        for (String value : sample.attributes().values()) {
            if (value == null) {
                Map<String, String> attributes = new LinkedHashMap<>(sample.attributes());
                attributes.values().removeIf(Objects::isNull);
                return attributes;
            }
        }
        return sample.attributes();
    }

    /** Set field by field: the generated builder checks every value against the schema again, a cost per sample. */
    private static ApmSample toEvent(SampleInput sample, String eventId, Instant now) {
        Map<String, String> attributes = attributesOf(sample);
        ApmSample event = new ApmSample();
        event.setEventId(eventId);
        ApmSampleTimes.setOccurredAt(event, now);
        event.setKind(ApmSampleKind.valueOf(sample.kind()));
        event.setService(sample.service());
        event.setOperation(sample.operation());
        event.setProvider(sample.provider());
        event.setRegion(sample.region());
        event.setEnvironment(sample.environment());
        ApmSampleTimes.setTimestamp(event, sample.timestamp());
        event.setDurationMs(sample.durationMs());
        // an emitter that says nothing about success reports a failure through errorType
        event.setSuccess(sample.success() != null ? sample.success() : sample.errorType() == null);
        event.setErrorType(sample.errorType());
        event.setStatusCode(sample.statusCode());
        // DESIGN.md's sketch carries a webhook's chain id among the attributes
        event.setChainId(sample.chainId() != null ? sample.chainId() : attributes.get("chainId"));
        event.setStep(sample.step());
        event.setRoute(sample.route());
        event.setConnectionCount(sample.connectionCount());
        event.setDisconnects(sample.disconnects());
        event.setModel(sample.model());
        event.setTimedOut(sample.timedOut());
        event.setTokensIn(sample.tokensIn());
        event.setTokensOut(sample.tokensOut());
        event.setCostUsd(sample.costUsd());
        event.setAttributes(attributes);
        return event;
    }
}
