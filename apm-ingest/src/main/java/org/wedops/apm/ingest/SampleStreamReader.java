package org.wedops.apm.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.ethlo.time.ITU;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast path of {@link SampleBatchReader}: reads a batch token by token into {@link SampleInput}s. Binding a
 * 22-component record per sample was two thirds of the event loop's time in bench/apm-ingest. It takes only what needs
 * no judgement (each field's own JSON type, or null; timestamps in RFC 3339); on anything else (a value Jackson might
 * coerce, an unknown field, a malformed body) it gives up, and the batch is read by data binding, which decides.
 */
final class SampleStreamReader {

    private final JsonMapper json;

    SampleStreamReader(JsonMapper json) {
        this.json = json;
    }

    /** The batch's samples (null where an element is null), or empty when data binding has to decide. */
    Optional<List<SampleInput>> read(byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT);
            List<SampleInput> samples = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                expect("samples".equals(name) && parser.nextToken() == JsonToken.START_ARRAY);
                samples = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    expect(token == JsonToken.VALUE_NULL || token == JsonToken.START_OBJECT);
                    samples.add(token == JsonToken.VALUE_NULL ? null : sample(parser));
                }
            }
            return Optional.ofNullable(samples);
        } catch (NeedsDataBinding | JacksonException | DateTimeException notForTheFastPath) {
            return Optional.empty();
        }
    }

    /** One sample object, the parser at its START_OBJECT. */
    private static SampleInput sample(JsonParser parser) {
        Fields fields = new Fields();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "kind" -> fields.kind = string(parser, value);
                case "service" -> fields.service = string(parser, value);
                case "operation" -> fields.operation = string(parser, value);
                case "provider" -> fields.provider = string(parser, value);
                case "region" -> fields.region = string(parser, value);
                case "environment" -> fields.environment = string(parser, value);
                case "errorType" -> fields.errorType = string(parser, value);
                case "chainId" -> fields.chainId = string(parser, value);
                case "step" -> fields.step = string(parser, value);
                case "route" -> fields.route = string(parser, value);
                case "model" -> fields.model = string(parser, value);
                case "timestamp" -> fields.timestamp = instant(parser, value);
                case "durationMs" -> fields.durationMs = decimal(parser, value);
                case "costUsd" -> fields.costUsd = decimal(parser, value);
                case "success" -> fields.success = bool(value);
                case "timedOut" -> fields.timedOut = bool(value);
                case "statusCode" -> fields.statusCode = whole(parser, value);
                case "connectionCount" -> fields.connectionCount = whole(parser, value);
                case "disconnects" -> fields.disconnects = whole(parser, value);
                case "tokensIn" -> fields.tokensIn = wholeLong(parser, value);
                case "tokensOut" -> fields.tokensOut = wholeLong(parser, value);
                case "attributes" -> fields.attributes = attributes(parser, value);
                default -> throw NeedsDataBinding.INSTANCE;
            }
        }
        return fields.toInput();
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
