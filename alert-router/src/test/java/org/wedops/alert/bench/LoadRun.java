package org.wedops.alert.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.wedops.alert.bench.AlertStream.Ev;
import org.wedops.alert.bench.AlertStream.Phase;

/**
 * One system's run: the warm-up (not measured) until it settles, then the steady phase and the storm, then the drain
 * until the backlog is empty and the receiver has been quiet; the analysis writes {@code <system>.json}.
 */
final class LoadRun {

    private final Recording recording;
    private final int receiverPort = BenchEnvironment.number("RECEIVER_PORT", 8491);
    private final long quietMs;
    private final long drainCapMs = BenchEnvironment.number("DRAIN_CAP_S", 1200) * 1000L;
    private Target target;

    LoadRun(String system, Path results) {
        long groupIntervalMs = BenchEnvironment.number("GROUP_INTERVAL_MS", 5000);
        this.quietMs = BenchEnvironment.number("QUIET_MS", (int) (2 * groupIntervalMs + 2000));
        AlertStream stream = new AlertStream(BenchEnvironment.number("WARMUP_EVENTS", 2000), BenchEnvironment.number("STEADY_EVENTS", 10_000),
                BenchEnvironment.number("STEADY_RATE", 500), BenchEnvironment.number("STORM_EVENTS", 50_000),
                BenchEnvironment.number("STORM_RATE", 5000), 42);
        this.recording = new Recording(system, results, stream);
    }

    void run() throws Exception {
        Files.createDirectories(recording.results);
        try (WebhookRecorder receiver = new WebhookRecorder(receiverPort, recording.system, recording);
             Target system = recording.system.equals("am") ? new AlertmanagerTarget(recording) : new WedopsTarget(recording)) {
            target = system;
            recording.mark("warmupStart");
            feed(recording.stream.warmup);
            target.flush();
            settle("warm-up", 40, Duration.ofSeconds(3), Duration.ofSeconds(240));
            if (target instanceof WedopsTarget wedops) {
                wedops.steadyStarts();
            }
            recording.mark("steadyStart");
            feed(recording.stream.steady);
            recording.mark("stormStart");
            feed(recording.stream.storm);
            recording.mark("stormEnd");
            target.flush();
            drain();
            recording.mark("drained");
            Analysis analysis = new Analysis(recording);
            Map<String, Object> out = analysis.metrics();
            out.put("cpu", CpuUse.between(recording.cpu.get("steadyStart"), recording.cpu.get("drained"),
                    recording.marks.get("drained") - recording.marks.get("steadyStart")));
            target.finish(out, analysis);
            Files.writeString(recording.results.resolve(recording.system + ".json"), BenchJson.MAPPER.writeValueAsString(out));
            recording.writeRaw();
            BenchLog.line("results in " + recording.results.resolve(recording.system + ".json"));
        }
    }

    /**
     * The same stream into the same broker with the router paused (run.sh stops it with SIGSTOP) and only the bare
     * consumer reading: the Kafka hop at its best on this machine, the floor under any design that reads ops.alerts.v1.
     */
    void runKafkaHopAlone() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        // as the router's feeders produce (the project's linger.ms=5), then with no linger at all: the best case
        for (int linger : new int[] {5, 0}) {
            try (WedopsTarget kafka = new WedopsTarget(recording, linger)) {
                target = kafka;
                BenchLog.line("Kafka hop alone, producer linger.ms=" + linger);
                feed(recording.stream.warmup);
                feed(recording.stream.steady);
                feed(recording.stream.storm);
                target.flush();
                kafka.probe.allReceived.await(30, TimeUnit.SECONDS);
                out.put(linger == 5 ? "kafka_hop_alone" : "kafka_hop_alone_linger0", kafka.probe.hop(recording));
                BenchLog.line("  " + (recording.totalEvents - kafka.probe.allReceived.getCount()) + " of " + recording.totalEvents
                        + " received by the bare consumer");
            }
        }
        Files.writeString(recording.results.resolve("kafka-hop.json"), BenchJson.MAPPER.writeValueAsString(out));
        BenchLog.line("results in " + recording.results.resolve("kafka-hop.json"));
    }

    /** Paces the phase on a 10 ms tick: at each tick every event that is due goes out, as one batch. */
    private void feed(Phase phase) throws Exception {
        BenchLog.line(String.format("feeding %s: %,d events at %,.0f/s", phase.name(), phase.events().size(), phase.rate()));
        List<Ev> events = phase.events();
        long start = System.nanoTime();
        long tick = 10_000_000L;
        int next = 0;
        long lastProgress = start;
        while (next < events.size()) {
            long elapsed = System.nanoTime() - start;
            int end = next;
            while (end < events.size() && events.get(end).atNanos() <= elapsed) {
                end++;
            }
            if (end > next) {
                target.send(events.subList(next, end));
                next = end;
            }
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                lastProgress = System.nanoTime();
                BenchLog.line(String.format("  %s: %,d/%,d sent; %s", phase.name(), next, events.size(), target.progress()));
            }
            long sinceStart = System.nanoTime() - start;
            long wait = tick - (sinceStart % tick);
            LockSupport.parkNanos(wait);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchLog.line(String.format("  %s fed in %.2f s (%,.0f/s offered and sent)", phase.name(), seconds, events.size() / seconds));
    }

    /** Waits until the warm-up's groups were all notified, nothing is pending and the receiver has been quiet a while. */
    private void settle(String what, int groups, Duration quiet, Duration cap) throws Exception {
        long deadline = System.nanoTime() + cap.toNanos();
        while (System.nanoTime() < deadline) {
            boolean allNotified = recording.received.size() >= groups;
            boolean quietEnough = BenchClock.nowMicros() - recording.lastArrival.get() > quiet.toMillis() * 1000;
            if (allNotified && quietEnough && target.backlogEmpty()) {
                BenchLog.line("  " + what + " settled: " + recording.received.size() + " notifications");
                return;
            }
            Thread.sleep(250);
        }
        BenchLog.line("  " + what + " did not settle within " + cap.toSeconds() + " s; going on (" + recording.received.size() + " notifications)");
    }

    /** After the storm: until the backlog is empty and no notification arrived for quietMs (at most drainCapMs). */
    private void drain() throws Exception {
        long stormEnd = recording.marks.get("stormEnd");
        long lastProgress = System.nanoTime();
        while (true) {
            long now = BenchClock.nowMicros();
            boolean quiet = now - recording.lastArrival.get() > quietMs * 1000 && now - stormEnd > quietMs * 1000;
            if (quiet && target.backlogEmpty()) {
                BenchLog.line(String.format("  drained %.1f s after the storm's end", (now - stormEnd) / 1e6));
                return;
            }
            if (now - stormEnd > drainCapMs * 1000) {
                BenchLog.line("  NOT drained " + drainCapMs / 1000 + " s after the storm's end; measuring what arrived (" + target.progress() + ")");
                recording.marks.put("drainCapHit", now);
                return;
            }
            if (System.nanoTime() - lastProgress > 10_000_000_000L) {
                lastProgress = System.nanoTime();
                BenchLog.line(String.format("  draining, %.0f s after the storm: %d notifications; %s", (now - stormEnd) / 1e6,
                        recording.received.size(), target.progress()));
            }
            Thread.sleep(250);
        }
    }
}
