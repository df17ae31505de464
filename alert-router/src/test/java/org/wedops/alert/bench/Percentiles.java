package org.wedops.alert.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** p50, p99 and max in milliseconds (nearest rank) of latencies in microseconds, and how many there were. */
final class Percentiles {

    private Percentiles() {
    }

    static Map<String, Object> of(List<Long> micros) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", micros.size());
        if (micros.isEmpty()) {
            return m;
        }
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(Long::compare);
        m.put("p50", rank(sorted, 0.50) / 1000.0);
        m.put("p99", rank(sorted, 0.99) / 1000.0);
        m.put("max", sorted.get(sorted.size() - 1) / 1000.0);
        return m;
    }

    static long rank(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
