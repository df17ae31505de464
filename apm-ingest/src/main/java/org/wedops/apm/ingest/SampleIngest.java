package org.wedops.apm.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import org.wedops.apm.aggregation.SeriesKey;
import org.wedops.apm.aggregation.WindowSettings;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmSampleTimes;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * Validates each sample of a batch and puts the valid ones on ops.apm.samples.v1, the samples of each partition
 * together in one {@link ApmSampleBatch} record (a partition's share is one record, or a few for a very large batch), on
 * the partition their series keys hash to, as the producer would place a sample keyed by its series. Answers once the
 * broker has acknowledged all of them. A failed send fails the request (503), and the emitter retries the batch:
 * delivery is at least once, and once per batch id within {@link BatchAnswers}' memory.
 * <p>
 * A sample of a new series beyond its service's cap ({@link SeriesCap}) is rejected like an invalid one; a batch of
 * which nothing can be taken is refused whole, as problem+json naming each sample's field.
 */
@Component
public class SampleIngest {

    /** Keeps a record well under the producer's 1 MB request limit even for samples with many attributes. */
    static final int MAX_SAMPLES_PER_RECORD = 500;

    private final KafkaTemplate<String, SpecificRecord> template;
    private final EventPublisher publisher;
    private final SampleValidator validator;
    private final SeriesCap seriesCap;
    private final Clock clock;

    /**
     * Samples go through a template of their own on the shared producer, without the per-record observation the
     * services' template has: the HTTP request is traced, and a span per sample would cost more than the sample
     * (bench/apm-ingest/README.md).
     *
     * @throws IllegalStateException when the door would take what the windows then refuse to count (see
     *                               {@link #requireWithinWindows})
     */
    SampleIngest(ProducerFactory<String, SpecificRecord> producers, DoorSettings door, SeriesSettings series, WindowSettings windows, Clock clock) {
        requireWithinWindows(door, windows);
        this.template = new KafkaTemplate<>(producers);
        this.publisher = new EventPublisher(template);
        this.validator = new SampleValidator(door.maxFutureSkew(), door.maxDuration(), door.labels());
        this.seriesCap = new SeriesCap(series.maxPerService(), series.maxServices(), series.idleAfter());
        this.clock = clock;
    }

    /**
     * The door answers 200 for what it takes, so it must never take what the windows then skip or move: a timestamp
     * further ahead than the windows' future skew (clamped there, so counted in another minute), a duration over their
     * maximum, or a label longer than theirs (not counted at all).
     */
    static void requireWithinWindows(DoorSettings door, WindowSettings windows) {
        if (door.maxFutureSkew().compareTo(windows.futureSkew()) > 0) {
            throw new IllegalStateException("wedops.apm.max-future-skew (" + SampleValidator.describe(door.maxFutureSkew())
                    + ") must not exceed wedops.apm.windows.future-skew (" + SampleValidator.describe(windows.futureSkew()) + ")");
        }
        if (door.maxDuration().compareTo(windows.maxDuration()) > 0) {
            throw new IllegalStateException("wedops.apm.max-duration (" + SampleValidator.describe(door.maxDuration())
                    + ") must not exceed wedops.apm.windows.max-duration (" + SampleValidator.describe(windows.maxDuration()) + ")");
        }
        LabelLimits labels = door.labels();
        int longest = IntStream.of(labels.service(), labels.operation(), labels.provider(), labels.region(), labels.environment(),
                labels.errorType()).max().orElseThrow();
        if (longest > windows.maxLabelLength()) {
            throw new IllegalStateException("wedops.apm.labels.* allow " + longest + " characters, more than wedops.apm.windows.max-label-length ("
                    + windows.maxLabelLength() + ")");
        }
    }

    /** Takes a batch without a batch id: its samples get random event ids. */
    public Mono<IngestResult> ingest(List<SampleBatchReader.ReadSample> samples) {
        return ingest(samples, new SampleEventIds());
    }

    /**
     * @param eventIds the samples' and records' event ids, the same for every attempt of a batch with a batch id
     * @return the answer, or an {@link InvalidRequestException} when not one sample can be taken
     */
    Mono<IngestResult> ingest(List<SampleBatchReader.ReadSample> samples, SampleEventIds eventIds) {
        if (samples.isEmpty()) {
            return Mono.error(new InvalidRequestException("samples", "must hold at least one sample"));
        }
        // whole milliseconds, as the samples carry it: truncated once here, not once per sample
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long nowMs = now.toEpochMilli();
        List<ApmSample> valid = new ArrayList<>(samples.size());
        List<String> seriesKeys = new ArrayList<>(samples.size());
        List<IngestResult.Rejection> rejected = new ArrayList<>();
        // samples of one service usually come together: its series are looked up once per run of them
        String service = null;
        SeriesCap.ServiceSeries ofService = null;
        for (int index = 0; index < samples.size(); index++) {
            SampleInput sample = samples.get(index).sample();
            List<FieldProblem> problems = sample == null ? samples.get(index).problems() : validator.problems(sample, now);
            if (problems.isEmpty()) {
                if (!sample.service().equals(service)) {
                    service = sample.service();
                    ofService = seriesCap.of(service, nowMs);
                }
                ApmSample event = toEvent(sample, eventIds.of(index), now);
                String series = SeriesKey.of(event);
                if (ofService == null) {
                    rejected.add(new IngestResult.Rejection(index, "service", seriesCap.tooManyServices().message()));
                } else if (!ofService.admit(series, nowMs)) {
                    rejected.add(new IngestResult.Rejection(index, "service", ofService.full().message()));
                } else {
                    valid.add(event);
                    seriesKeys.add(series);
                }
            } else {
                int at = index;
                problems.forEach(problem -> rejected.add(new IngestResult.Rejection(at, problem.field(), problem.message())));
            }
        }
        if (valid.isEmpty()) {
            return Mono.error(new InvalidRequestException(rejected.stream()
                    .map(rejection -> new FieldProblem("samples[" + rejection.index() + "]." + rejection.field(), rejection.reason())).toList()));
        }
        IngestResult result = new IngestResult(valid.size(), List.copyOf(rejected));
        // the partition count comes from the producer's metadata, which it may have to fetch: not on the event loop
        return publisher.publishAll(() -> records(valid, seriesKeys, template.partitionsFor(Topics.APM_SAMPLES).size(), now, eventIds))
                .thenReturn(result);
    }

    /** {@link #records(List, List, int, Instant, SampleEventIds)} with random record ids. */
    static List<ProducerRecord<String, SpecificRecord>> records(List<ApmSample> samples, int partitions, Instant now) {
        return records(samples, samples.stream().map(SeriesKey::of).toList(), partitions, now, new SampleEventIds());
    }

    /**
     * One record per partition and outcome: the failed samples travel apart from the successful ones, so that the error
     * groups decode only the records that hold failures. The records come in the order of their first samples, so
     * the same batch makes the same records with the same ids.
     */
    static List<ProducerRecord<String, SpecificRecord>> records(List<ApmSample> samples, List<String> seriesKeys, int partitions, Instant now,
                                                                SampleEventIds eventIds) {
        Map<RecordGroup, List<ApmSample>> groups = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            ApmSample sample = samples.get(i);
            int partition = BuiltInPartitioner.partitionForKey(seriesKeys.get(i).getBytes(StandardCharsets.UTF_8), partitions);
            groups.computeIfAbsent(new RecordGroup(partition, sample.getSuccess()), group -> new ArrayList<>()).add(sample);
        }
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        groups.forEach((group, ofGroup) -> {
            for (int from = 0; from < ofGroup.size(); from += MAX_SAMPLES_PER_RECORD) {
                List<ApmSample> chunk = ofGroup.subList(from, Math.min(ofGroup.size(), from + MAX_SAMPLES_PER_RECORD));
                ApmSampleBatch batch = new ApmSampleBatch(eventIds.ofRecord(records.size()), now, chunk);
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
