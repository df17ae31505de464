package org.wedops.apm.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import org.wedops.apm.ApmIngestProperties;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.FieldProblem;

import reactor.core.publisher.Mono;

/**
 * Reads and validates each sample of a batch, puts the valid ones on ops.apm.samples.v1 keyed by series, and
 * answers once the broker has acknowledged all of them. A failed send fails the request (503), and the emitter
 * retries the batch: delivery is at least once.
 */
@Component
public class SampleIngest {

    private final EventPublisher publisher;
    private final SampleValidator validator;
    private final Clock clock;

    /**
     * Samples go through a template of their own on the shared producer, without the per-record observation the
     * services' template has: the HTTP request is traced, and a span per sample halved the ingest rate in
     * bench/apm-ingest.
     */
    SampleIngest(ProducerFactory<String, SpecificRecord> producers, ApmIngestProperties properties, Clock clock) {
        this.publisher = new EventPublisher(new KafkaTemplate<>(producers));
        this.validator = new SampleValidator(properties.maxFutureSkew());
        this.clock = clock;
    }

    public Mono<IngestResult> ingest(List<SampleBatchReader.ReadSample> samples) {
        Instant now = clock.instant();
        List<ProducerRecord<String, SpecificRecord>> valid = new ArrayList<>(samples.size());
        List<IngestResult.Rejection> rejected = new ArrayList<>();
        for (int index = 0; index < samples.size(); index++) {
            SampleInput sample = samples.get(index).sample();
            List<FieldProblem> problems = sample == null ? samples.get(index).problems() : validator.problems(sample, now);
            if (problems.isEmpty()) {
                ApmSample event = toEvent(sample, now);
                ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.APM_SAMPLES, SeriesKey.of(event), event);
                SampleOutcomeHeader.write(record.headers(), event.getSuccess());
                valid.add(record);
            } else {
                int at = index;
                problems.forEach(problem -> rejected.add(new IngestResult.Rejection(at, problem.field(), problem.message())));
            }
        }
        return publisher.publishAll(valid)
                .then(Mono.fromSupplier(() -> new IngestResult(valid.size(), List.copyOf(rejected))));
    }

    private static ApmSample toEvent(SampleInput sample, Instant now) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (sample.attributes() != null) {
            // Avro map values cannot be null
            sample.attributes().forEach((name, value) -> {
                if (value != null) {
                    attributes.put(name, value);
                }
            });
        }
        return ApmSample.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setKind(ApmSampleKind.valueOf(sample.kind()))
                .setService(sample.service())
                .setOperation(sample.operation())
                .setProvider(sample.provider())
                .setRegion(sample.region())
                .setEnvironment(sample.environment())
                .setTimestamp(sample.timestamp())
                .setDurationMs(sample.durationMs())
                // an emitter that says nothing about success reports a failure through errorType
                .setSuccess(sample.success() != null ? sample.success() : sample.errorType() == null)
                .setErrorType(sample.errorType())
                .setStatusCode(sample.statusCode())
                // DESIGN.md's sketch carries a webhook's chain id among the attributes
                .setChainId(sample.chainId() != null ? sample.chainId() : attributes.get("chainId"))
                .setStep(sample.step())
                .setRoute(sample.route())
                .setConnectionCount(sample.connectionCount())
                .setDisconnects(sample.disconnects())
                .setModel(sample.model())
                .setTimedOut(sample.timedOut())
                .setTokensIn(sample.tokensIn())
                .setTokensOut(sample.tokensOut())
                .setCostUsd(sample.costUsd())
                .setAttributes(attributes)
                .build();
    }
}
