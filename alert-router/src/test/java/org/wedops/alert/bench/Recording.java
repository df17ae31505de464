package org.wedops.alert.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.wedops.alert.bench.AlertStream.Ev;
import org.wedops.alert.bench.AlertStream.Phase;

/**
 * What one run of one system records, all on {@link BenchClock}: when each event was sent and accepted, when each
 * fingerprint first fired, every notification that arrived, and the CPU counters at the run's marks.
 */
final class Recording {

    /** A notification as the webhook received it. */
    record Arrival(long micros, String body) {
    }

    final String system;
    final Path results;
    final AlertStream stream;
    final int totalEvents;
    final long[] sendMicros;
    final long[] ackMicros;
    final Map<String, Long> fpStart = new HashMap<>();
    final AtomicLong errors = new AtomicLong();
    final ConcurrentLinkedQueue<Arrival> received = new ConcurrentLinkedQueue<>();
    final AtomicLong lastArrival = new AtomicLong();
    final Map<String, Long> marks = new LinkedHashMap<>();
    final Map<String, Map<String, Long>> cpu = new LinkedHashMap<>();

    Recording(String system, Path results, AlertStream stream) {
        this.system = system;
        this.results = results;
        this.stream = stream;
        this.totalEvents = stream.warmup.events().size() + stream.steady.events().size() + stream.storm.events().size();
        this.sendMicros = new long[totalEvents];
        this.ackMicros = new long[totalEvents];
    }

    void mark(String name) {
        marks.put(name, BenchClock.nowMicros());
        cpu.put(name, CpuUse.snapshot());
    }

    void arrived(long micros, String body) {
        lastArrival.set(micros);
        received.add(new Arrival(micros, body));
    }

    /** Records the send; an alert's first fire is its start time (startsAt) from then on. */
    void sent(Ev event, long micros) {
        sendMicros[event.index()] = micros;
        if (event.first()) {
            fpStart.put(event.fp().id(), micros);
        }
    }

    long startOf(Ev event) {
        return fpStart.get(event.fp().id());
    }

    /** The raw data beside the summary: every event with its times, every notification with its arrival. */
    void writeRaw() throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results.resolve(system + "-events.csv")))) {
            out.println("index,phase,fingerprint,group,severity,first,send_us,ack_us");
            for (Phase phase : List.of(stream.warmup, stream.steady, stream.storm)) {
                for (Ev e : phase.events()) {
                    out.println(e.index() + "," + e.phase() + "," + e.fp().id() + "," + e.fp().group() + "," + e.fp().severity() + ","
                            + e.first() + "," + sendMicros[e.index()] + "," + ackMicros[e.index()]);
                }
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results.resolve(system + "-notifications.jsonl")))) {
            for (Arrival arrival : received) {
                out.println("{\"arrival_us\":" + arrival.micros() + ",\"body\":" + arrival.body().strip() + "}");
            }
        }
    }
}
