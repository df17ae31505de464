package org.wedops.apm.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.ethlo.time.ITU;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast path of {@link SampleBatchReader}: reads a batch token by token into {@link SampleInput}s, rather than binding
 * a 22-component record per sample (bench/apm-ingest/README.md has what that cost). It takes only what needs
 * no judgement (each field's own JSON type, or null; timestamps in RFC 3339); on anything else (a value Jackson might
 * coerce, an unknown field, a malformed body) it gives up, and the batch is read by data binding, which decides.
 */
final class SampleStreamReader {

    private static final Field[] FIELDS = Field.values();

    private final JsonMapper json;
    /**
     * A sample's field names, matched on their bytes as Jackson's own data binding matches properties, with no name
     * string looked up.
     */
    private final PropertyNameMatcher fieldNames;

    SampleStreamReader(JsonMapper json) {
        this.json = json;
        this.fieldNames = json.tokenStreamFactory().constructNameMatcher(Arrays.stream(FIELDS).map(field -> Named.fromString(field.json)).toList(), false);
    }

    /** The batch's samples (null where an element is null), or empty when data binding has to decide. */
    Optional<List<SampleInput>> read(byte[] body) {
        return read(body, Integer.MAX_VALUE).map(Streamed::samples);
    }

    /**
     * The batch's batch id and samples (null where an element is null), or empty when data binding has to decide.
     *
     * @throws TooManySamples as soon as the array holds more than {@code maxSamples}, before reading on
     */
    Optional<Streamed> read(byte[] body, int maxSamples) {
        try (JsonParser parser = json.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT);
            List<SampleInput> samples = null;
            String batchId = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                if ("batchId".equals(name)) {
                    batchId = string(parser, parser.nextToken());
                    continue;
                }
                expect("samples".equals(name) && parser.nextToken() == JsonToken.START_ARRAY);
                samples = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (samples.size() == maxSamples) {
                        throw new TooManySamples(maxSamples);
                    }
                    expect(token == JsonToken.VALUE_NULL || token == JsonToken.START_OBJECT);
                    samples.add(token == JsonToken.VALUE_NULL ? null : sample(parser));
                }
            }
            return samples == null ? Optional.empty() : Optional.of(new Streamed(batchId, samples));
        } catch (NeedsDataBinding | JacksonException | DateTimeException notForTheFastPath) {
            return Optional.empty();
        }
    }

    /** A batch as streamed: its batch id (null when it has none) and its samples. */
    record Streamed(String batchId, List<SampleInput> samples) {
    }

    /** One sample object, the parser at its START_OBJECT. */
    private SampleInput sample(JsonParser parser) {
        Fields fields = new Fields();
        for (int match = parser.nextNameMatch(fieldNames); match != PropertyNameMatcher.MATCH_END_OBJECT; match = parser.nextNameMatch(fieldNames)) {
            expect(match >= 0); // an unknown name is for data binding to judge
            JsonToken value = parser.nextToken();
            switch (FIELDS[match]) {
                case KIND -> fields.kind = string(parser, value);
                case SERVICE -> fields.service = string(parser, value);
                case OPERATION -> fields.operation = string(parser, value);
                case PROVIDER -> fields.provider = string(parser, value);
                case REGION -> fields.region = string(parser, value);
                case ENVIRONMENT -> fields.environment = string(parser, value);
                case ERROR_TYPE -> fields.errorType = string(parser, value);
                case CHAIN_ID -> fields.chainId = string(parser, value);
                case STEP -> fields.step = string(parser, value);
                case ROUTE -> fields.route = string(parser, value);
                case MODEL -> fields.model = string(parser, value);
                case TIMESTAMP -> fields.timestamp = instant(parser, value);
                case DURATION_MS -> fields.durationMs = decimal(parser, value);
                case COST_USD -> fields.costUsd = decimal(parser, value);
                case SUCCESS -> fields.success = bool(value);
                case TIMED_OUT -> fields.timedOut = bool(value);
                case STATUS_CODE -> fields.statusCode = whole(parser, value);
                case CONNECTION_COUNT -> fields.connectionCount = whole(parser, value);
                case DISCONNECTS -> fields.disconnects = whole(parser, value);
                case TOKENS_IN -> fields.tokensIn = wholeLong(parser, value);
                case TOKENS_OUT -> fields.tokensOut = wholeLong(parser, value);
                case ATTRIBUTES -> fields.attributes = attributes(parser, value);
            }
        }
        return fields.toInput();
    }

    /** The fields of a sample as it is written in JSON. */
    private enum Field {
        KIND("kind"), SERVICE("service"), OPERATION("operation"), PROVIDER("provider"), REGION("region"), ENVIRONMENT("environment"),
        ERROR_TYPE("errorType"), CHAIN_ID("chainId"), STEP("step"), ROUTE("route"), MODEL("model"), TIMESTAMP("timestamp"),
        DURATION_MS("durationMs"), COST_USD("costUsd"), SUCCESS("success"), TIMED_OUT("timedOut"), STATUS_CODE("statusCode"),
        CONNECTION_COUNT("connectionCount"), DISCONNECTS("disconnects"), TOKENS_IN("tokensIn"), TOKENS_OUT("tokensOut"),
        ATTRIBUTES("attributes");

        final String json;

        Field(String json) {
            this.json = json;
        }
    }

    // Each reader takes its field's own JSON type or null, and leaves anything else to data binding.

    private static String string(JsonParser parser, JsonToken value) {
        return present(value, JsonToken.VALUE_STRING) ? parser.getString() : null;
    }

    private static Instant instant(JsonParser parser, JsonToken value) {
        return present(value, JsonToken.VALUE_STRING) ? ITU.parseDateTime(parser.getString()).toInstant() : null;
    }

    private static Double decimal(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_FLOAT || present(value, JsonToken.VALUE_NUMBER_INT) ? parser.getDoubleValue() : null;
    }

    private static Integer whole(JsonParser parser, JsonToken value) {
        return present(value, JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue() : null;
    }

    private static Long wholeLong(JsonParser parser, JsonToken value) {
        return present(value, JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue() : null;
    }

    private static Boolean bool(JsonToken value) {
        if (value == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        return present(value, JsonToken.VALUE_FALSE) ? Boolean.FALSE : null;
    }

    /** A flat object of strings (or nulls). */
    private static Map<String, String> attributes(JsonParser parser, JsonToken value) {
        if (!present(value, JsonToken.START_OBJECT)) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            attributes.put(name, string(parser, parser.nextToken()));
        }
        return attributes;
    }

    /** Whether the value is of the type wanted (false for null); anything else is for data binding. */
    private static boolean present(JsonToken value, JsonToken wanted) {
        if (value == wanted) {
            return true;
        }
        expect(value == JsonToken.VALUE_NULL);
        return false;
    }

    private static void expect(boolean asTheFastPathReadsIt) {
        if (!asTheFastPathReadsIt) {
            throw NeedsDataBinding.INSTANCE;
        }
    }

    /** Leaves the fast path; thrown only for bodies it does not read, so without a stack trace. */
    private static final class NeedsDataBinding extends RuntimeException {

        static final NeedsDataBinding INSTANCE = new NeedsDataBinding();

        private NeedsDataBinding() {
            super(null, null, false, false);
        }
    }

    /** A sample's fields as they are read, in any order. */
    private static final class Fields {
        String kind;
        String service;
        String operation;
        String provider;
        String region;
        String environment;
        Instant timestamp;
        Double durationMs;
        Boolean success;
        String errorType;
        Integer statusCode;
        String chainId;
        String step;
        String route;
        Integer connectionCount;
        Integer disconnects;
        String model;
        Boolean timedOut;
        Long tokensIn;
        Long tokensOut;
        Double costUsd;
        Map<String, String> attributes;

        SampleInput toInput() {
            return new SampleInput(kind, service, operation, provider, region, environment, timestamp, durationMs, success, errorType,
                    statusCode, chainId, step, route, connectionCount, disconnects, model, timedOut, tokensIn, tokensOut, costUsd, attributes);
        }
    }
}
