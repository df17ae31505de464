package org.wedops.alert.bench;

import java.time.LocalTime;

/** Progress lines on standard output, with the time of day, flushed at once (run.sh's console is the live view). */
final class BenchLog {

    private BenchLog() {
    }

    static void line(String line) {
        System.out.println("[" + LocalTime.now().withNano(0) + "] " + line);
        System.out.flush();
    }
}
