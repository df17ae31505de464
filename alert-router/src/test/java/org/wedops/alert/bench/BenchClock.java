package org.wedops.alert.bench;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The one clock of the bench driver: send times and webhook arrivals are both taken from it, as epoch microseconds,
 * so a latency is the difference of two readings in one JVM.
 */
final class BenchClock {

    private static final long BASE_NANOS = System.nanoTime();
    private static final long BASE_MICROS = Instant.now().toEpochMilli() * 1000;

    private BenchClock() {
    }

    static long nowMicros() {
        return BASE_MICROS + (System.nanoTime() - BASE_NANOS) / 1000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }

    static long micros(Timestamp timestamp) {
        Instant instant = timestamp.toInstant();
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
