package org.wedops.apm.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/apm/samples}. Nearly every batch reads straight into samples in one pass, token by
 * token ({@link SampleStreamReader}), or else by data binding; only a batch with a sample that cannot be read (a wrong
 * type, a timestamp that is not an instant, not an object) is read again tree by tree, so that sample is rejected with
 * its index and the others are still taken. Reading every batch as trees first would pass over every sample twice.
 */
@Component
class SampleBatchReader {

    private static final ReadSample NOT_AN_OBJECT = ReadSample.unreadable(new FieldProblem("sample", "must be a JSON object"));

    private final JsonMapper json;
    private final SampleStreamReader stream;

    SampleBatchReader(JsonMapper json) {
        this.json = json;
        this.stream = new SampleStreamReader(json);
    }

    /**
     * @throws InvalidRequestException when the body is no JSON object with a {@code samples} array
     * @throws TooManySamples          when it holds more than {@code maxSamples}
     */
    ReadBatch read(byte[] body, int maxSamples) {
        Optional<SampleStreamReader.Streamed> streamed = stream.read(body, maxSamples);
        if (streamed.isPresent()) {
            return new ReadBatch(streamed.get().batchId(), readSamples(streamed.get().samples()));
        }
        ReadableBatch bound;
        try {
            bound = json.readValue(body, ReadableBatch.class);
        } catch (JacksonException oneSampleCannotBeRead) {
            return readOneByOne(body, maxSamples);
        }
        return new ReadBatch(bound.batchId(), readSamples(present(bound.samples(), maxSamples)));
    }

    private static List<ReadSample> readSamples(List<SampleInput> samples) {
        List<ReadSample> read = new ArrayList<>(samples.size());
        for (SampleInput sample : samples) {
            read.add(sample == null ? NOT_AN_OBJECT : new ReadSample(sample, List.of()));
        }
        return read;
    }

    private ReadBatch readOneByOne(byte[] body, int maxSamples) {
        SampleBatch batch;
        try {
            batch = json.readValue(body, SampleBatch.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException("samples", "the body must be a JSON object with a samples array");
        }
        return new ReadBatch(batch.batchId(), present(batch.samples(), maxSamples).stream().map(this::read).toList());
    }

    private static <T> List<T> present(List<T> samples, int maxSamples) {
        if (samples == null) {
            throw new InvalidRequestException("samples", "must not be null");
        }
        if (samples.size() > maxSamples) {
            throw new TooManySamples(maxSamples);
        }
        return samples;
    }

    private ReadSample read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return NOT_AN_OBJECT;
        }
        try {
            return new ReadSample(json.treeToValue(node, SampleInput.class), List.of());
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null).reduce((first, second) -> second).orElse("sample");
            return ReadSample.unreadable(new FieldProblem(field, "timestamp".equals(field)
                    ? "must be an ISO-8601 instant such as 2026-06-06T14:00:00Z" : "has the wrong type"));
        }
    }

    /** One sample of a batch as read: the sample, or why it could not be read. */
    record ReadSample(SampleInput sample, List<FieldProblem> problems) {

        static ReadSample unreadable(FieldProblem problem) {
            return new ReadSample(null, List.of(problem));
        }
    }

    /** A batch as read: its batch id as the body gives it (null when it has none), and its samples. */
    record ReadBatch(String batchId, List<ReadSample> samples) {
    }

    private record ReadableBatch(String batchId, List<SampleInput> samples) {
    }
}
