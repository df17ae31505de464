package org.wedops.alert.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The alert stream both systems get, generated deterministically (fixed seed), so it is the same stream for each.
 *
 * <ul>
 *   <li><b>warmup</b> (not measured): {@code warmup} events over 40 fingerprints in 40 groups of their own
 *       (alertname BenchWarmup*), at the steady rate; identical for both systems.</li>
 *   <li><b>steady</b>: 10,000 firing events over 200 fingerprints at 500/s. Fingerprint k (0..199) has alertname
 *       BenchAlert(k%10), service svc((k/10)%5), instance i(k/50): 50 groups (alertname, service) of 4 fingerprints.
 *       A new fingerprint first fires every 50 events (one per 0.1 s); the other events re-fire a random fingerprint
 *       already firing (duplicates, which must not notify).</li>
 *   <li><b>storm</b>: 50,000 firing events in 10 s (5,000/s) over the 200 steady fingerprints and 800 new ones
 *       (k = 200..999, j = k-200, group g = j/2: alertname BenchAlert(g%10), service svc(5+g/10), instance i(j%2)):
 *       400 new groups of 2. A new fingerprint (in shuffled order) first fires every 62 events; the rest re-fire.</li>
 * </ul>
 * Severity is CRITICAL for alertname index 0..7 (80 %) and HIGH for 8..9; CRITICAL routes with group_wait 0s.
 */
final class AlertStream {

    record Fp(String id, String alertname, String service, String instance, String severity, String phase) {
        String group() {
            return alertname + "|" + service;
        }
    }

    /** One event: which fingerprint, in which phase, when (ns after the phase start), and whether it is its first fire. */
    record Ev(int index, Fp fp, String phase, long atNanos, boolean first) {
    }

    record Phase(String name, List<Ev> events, double rate) {
    }

    final Phase warmup;
    final Phase steady;
    final Phase storm;

    AlertStream(int warmupEvents, int steadyEvents, double steadyRate, int stormEvents, double stormRate, long seed) {
        Random random = new Random(seed);
        int index = 0;

        List<Fp> warmFps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            warmFps.add(new Fp("bench-w" + i, "BenchWarmup" + (i % 4), "warm" + (i / 4), "i0", "CRITICAL", "warmup"));
        }
        warmup = new Phase("warmup", events(warmFps, List.of(), warmupEvents, steadyRate, "warmup", index, random), steadyRate);
        index += warmupEvents;

        List<Fp> steadyFps = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            steadyFps.add(new Fp("bench-" + k, "BenchAlert" + (k % 10), "svc" + ((k / 10) % 5), "i" + (k / 50), severity(k % 10), "steady"));
        }
        steady = new Phase("steady", events(steadyFps, List.of(), steadyEvents, steadyRate, "steady", index, random), steadyRate);
        index += steadyEvents;

        List<Fp> stormFps = new ArrayList<>();
        for (int j = 0; j < 800; j++) {
            int g = j / 2;
            stormFps.add(new Fp("bench-" + (200 + j), "BenchAlert" + (g % 10), "svc" + (5 + g / 10), "i" + (j % 2), severity(g % 10), "storm"));
        }
        Collections.shuffle(stormFps, random);
        storm = new Phase("storm", events(stormFps, steadyFps, stormEvents, stormRate, "storm", index, random), stormRate);
    }

    private static String severity(int alertIndex) {
        return alertIndex < 8 ? "CRITICAL" : "HIGH";
    }

    /** New fingerprints first fire at even spacing; every other event re-fires a random fingerprint already firing. */
    private static List<Ev> events(List<Fp> fresh, List<Fp> alreadyFiring, int count, double rate, String phase, int firstIndex,
                                   Random random) {
        int spacing = count / fresh.size();
        if (spacing < 1) {
            throw new IllegalArgumentException(phase + ": " + count + " events cannot introduce " + fresh.size() + " fingerprints");
        }
        List<Fp> firing = new ArrayList<>(alreadyFiring);
        List<Ev> events = new ArrayList<>(count);
        int introduced = 0;
        for (int i = 0; i < count; i++) {
            long at = (long) (i * 1e9 / rate);
            if (i % spacing == 0 && introduced < fresh.size()) {
                Fp fp = fresh.get(introduced++);
                firing.add(fp);
                events.add(new Ev(firstIndex + i, fp, phase, at, true));
            } else {
                events.add(new Ev(firstIndex + i, firing.get(random.nextInt(firing.size())), phase, at, false));
            }
        }
        return events;
    }
}
