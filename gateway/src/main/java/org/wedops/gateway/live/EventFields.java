package org.wedops.gateway.live;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * An Avro event as plain JSON values, field by field from its schema: instants as ISO-8601 text (the services' REST
 * answers use the same), enums and strings as text. Bytes are left out: nothing the console shows is binary, and a
 * sketch has no business in a browser.
 */
final class EventFields {

    private EventFields() {
    }

    static Map<String, Object> of(SpecificRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = value(record.get(field.pos()));
            if (value != SKIP) {
                fields.put(field.name(), value);
            }
        }
        return fields;
    }

    private static final Object SKIP = new Object();

    private static Object value(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof ByteBuffer || value instanceof byte[]) {
            return SKIP;
        }
        if (value instanceof SpecificRecord nested) {
            return of(nested);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object converted = value(v);
                if (converted != SKIP) {
                    copy.put(String.valueOf(k), converted);
                }
            });
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> {
                Object converted = value(item);
                if (converted != SKIP) {
                    copy.add(converted);
                }
            });
            return copy;
        }
        return value.toString();
    }
}
