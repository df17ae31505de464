package org.wedops.apm.ingest;

import java.time.DateTimeException;
import java.time.Instant;

import com.ethlo.time.ITU;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a sample's timestamp written as RFC 3339 ({@code 2026-06-06T14:00:00.123Z}, or with an offset) with ethlo's ITU
 * parser, not through {@code DateTimeFormatter} as Jackson's own reader does (bench/apm-ingest/README.md has what that
 * cost). Anything else (a number, say) is left to Jackson's reader.
 */
final class Rfc3339InstantDeserializer extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.findRootValueDeserializer(context.constructType(Instant.class)).deserialize(parser, context);
        }
        String text = parser.getString();
        try {
            return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 date-time");
        }
    }
}
