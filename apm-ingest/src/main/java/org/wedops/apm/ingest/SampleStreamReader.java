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
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            List<SampleInput> samples = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                if (!"samples".equals(name) || parser.nextToken() != JsonToken.START_ARRAY) {
                    return Optional.empty();
                }
                samples = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_NULL) {
                        samples.add(null);
                    } else if (token != JsonToken.START_OBJECT) {
                        return Optional.empty();
                    } else {
                        SampleInput sample = sample(parser);
                        if (sample == null) {
                            return Optional.empty();
                        }
                        samples.add(sample);
                    }
                }
            }
            return Optional.ofNullable(samples);
        } catch (JacksonException | DateTimeException notForTheFastPath) {
            return Optional.empty();
        }
    }

    /** One sample object, the parser at its START_OBJECT; null when it holds something only data binding may judge. */
    private static SampleInput sample(JsonParser parser) {
        Fields fields = new Fields();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            boolean isNull = value == JsonToken.VALUE_NULL;
            boolean taken = switch (name) {
                case "kind" -> (fields.kind = string(parser, value)) != null || isNull;
                case "service" -> (fields.service = string(parser, value)) != null || isNull;
                case "operation" -> (fields.operation = string(parser, value)) != null || isNull;
                case "provider" -> (fields.provider = string(parser, value)) != null || isNull;
                case "region" -> (fields.region = string(parser, value)) != null || isNull;
                case "environment" -> (fields.environment = string(parser, value)) != null || isNull;
                case "errorType" -> (fields.errorType = string(parser, value)) != null || isNull;
                case "chainId" -> (fields.chainId = string(parser, value)) != null || isNull;
                case "step" -> (fields.step = string(parser, value)) != null || isNull;
                case "route" -> (fields.route = string(parser, value)) != null || isNull;
                case "model" -> (fields.model = string(parser, value)) != null || isNull;
                case "timestamp" -> {
                    String text = string(parser, value);
                    fields.timestamp = text == null ? null : ITU.parseDateTime(text).toInstant();
                    yield text != null || isNull;
                }
                case "durationMs" -> (fields.durationMs = decimal(parser, value)) != null || isNull;
                case "costUsd" -> (fields.costUsd = decimal(parser, value)) != null || isNull;
                case "success" -> (fields.success = bool(value)) != null || isNull;
                case "timedOut" -> (fields.timedOut = bool(value)) != null || isNull;
                case "statusCode" -> (fields.statusCode = whole(parser, value)) != null || isNull;
                case "connectionCount" -> (fields.connectionCount = whole(parser, value)) != null || isNull;
                case "disconnects" -> (fields.disconnects = whole(parser, value)) != null || isNull;
                case "tokensIn" -> (fields.tokensIn = wholeLong(parser, value)) != null || isNull;
                case "tokensOut" -> (fields.tokensOut = wholeLong(parser, value)) != null || isNull;
                case "attributes" -> (fields.attributes = attributes(parser, value)) != null || isNull;
                default -> false;
            };
            if (!taken) {
                return null;
            }
        }
        return fields.toInput();
    }

    private static String string(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_STRING ? parser.getString() : null;
    }

    private static Double decimal(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDoubleValue() : null;
    }

    private static Integer whole(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
    }

    private static Long wholeLong(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
    }

    private static Boolean bool(JsonToken value) {
        return value == JsonToken.VALUE_TRUE ? Boolean.TRUE : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    /** A flat object of strings (or nulls); null for anything else. */
    private static Map<String, String> attributes(JsonParser parser, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                return null;
            }
            attributes.put(name, token == JsonToken.VALUE_NULL ? null : parser.getString());
        }
        return attributes;
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
