package org.wedops.alert.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wedops.alert.bench.AlertStream.Ev;
import org.wedops.alert.bench.AlertStream.Phase;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns send times and received notifications into the numbers of the table. */
final class Analysis {

    static final class Group {
        String key;
        String phase;
        String severity;
        int firstEvent = -1;
        long firstSend;
        long firstNotified;
        int notifications;
        int duplicates;
    }

    record Notification(long arrival, String group, Set<String> firing, Set<String> resolved) {
    }

    private final Recording recording;
    final Map<String, Group> groups = new LinkedHashMap<>();
    final List<Notification> notifications = new ArrayList<>();

    Analysis(Recording recording) throws IOException {
        this.recording = recording;
        for (Phase phase : List.of(recording.stream.steady, recording.stream.storm)) {
            for (Ev e : phase.events()) {
                groups.computeIfAbsent(e.fp().group(), k -> {
                    Group n = new Group();
                    n.key = k;
                    n.phase = e.phase();
                    n.severity = e.fp().severity();
                    n.firstEvent = e.index();
                    n.firstSend = recording.sendMicros[e.index()];
                    return n;
                });
            }
        }
        for (Recording.Arrival r : recording.received) {
            JsonNode body = BenchJson.MAPPER.readTree(r.body());
            String group = body.at("/groupLabels/alertname").asText() + "|" + body.at("/groupLabels/service").asText();
            Set<String> firing = new HashSet<>();
            Set<String> resolved = new HashSet<>();
            if (recording.system.equals("am")) {
                for (JsonNode a : body.path("alerts")) {
                    (a.path("status").asText().equals("firing") ? firing : resolved).add(a.at("/labels/bench_fp").asText());
                }
            } else {
                body.path("firing").forEach(a -> firing.add(a.path("fingerprint").asText()));
                body.path("resolved").forEach(a -> resolved.add(a.path("fingerprint").asText()));
            }
            notifications.add(new Notification(r.micros(), group, firing, resolved));
        }
        notifications.sort((a, b) -> Long.compare(a.arrival, b.arrival));
    }

    Map<String, Object> metrics() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("system", recording.system.equals("am") ? "Alertmanager" : "WedOps alert-router");
        out.put("date", Instant.now().toString());
        out.put("marks_us", recording.marks);
        // acceptance: a 2xx from Alertmanager's API, a broker ack from Kafka for WedOps
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Phase phase : List.of(recording.stream.steady, recording.stream.storm)) {
            long first = Long.MAX_VALUE;
            long last = 0;
            int count = 0;
            for (Ev e : phase.events()) {
                if (recording.ackMicros[e.index()] > 0) {
                    count++;
                    first = Math.min(first, recording.sendMicros[e.index()]);
                    last = Math.max(last, recording.ackMicros[e.index()]);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offered_per_s", phase.rate());
            m.put("events", phase.events().size());
            m.put("accepted", count);
            m.put("accepted_per_s", count == 0 ? 0 : Math.round(count / ((last - first) / 1e6)));
            accepted.put(phase.name(), m);
        }
        out.put("accepted", accepted);
        out.put("send_errors", recording.errors.get());

        // notifications per group, in arrival order; a duplicate repeats the previous one's firing and resolved sets
        Map<String, Notification> previous = new HashMap<>();
        Map<String, Long> fpFirstNotified = new HashMap<>();
        int measured = 0;
        int warmup = 0;
        int duplicates = 0;
        int unknown = 0;
        Map<String, Integer> byPhase = new LinkedHashMap<>();
        for (Notification n : notifications) {
            if (n.group.startsWith("BenchWarmup")) {
                warmup++;
                continue;
            }
            Group g = groups.get(n.group);
            if (g == null) {
                unknown++;
                continue;
            }
            measured++;
            byPhase.merge(n.arrival < recording.marks.get("stormStart") ? "during_steady" : "from_storm_start", 1, Integer::sum);
            g.notifications++;
            Notification before = previous.put(n.group, n);
            if (before != null && before.firing.equals(n.firing) && before.resolved.equals(n.resolved)) {
                g.duplicates++;
                duplicates++;
            }
            if (g.firstNotified == 0 && !n.firing.isEmpty()) {
                g.firstNotified = n.arrival;
            }
            for (String fp : n.firing) {
                fpFirstNotified.putIfAbsent(fp, n.arrival);
            }
        }
        out.put("notifications", measured);
        out.put("notifications_by_time", byPhase);
        out.put("notifications_warmup", warmup);
        out.put("notifications_unknown_group", unknown);
        out.put("groups", groups.size());
        out.put("duplicates", duplicates);

        Set<String> fired = new HashSet<>();
        for (Phase phase : List.of(recording.stream.steady, recording.stream.storm)) {
            phase.events().forEach(e -> fired.add(e.fp().id()));
        }
        List<String> lost = fired.stream().filter(fp -> !fpFirstNotified.containsKey(fp)).sorted().toList();
        out.put("fingerprints_fired", fired.size());
        out.put("lost_fingerprints", lost.size());
        out.put("lost_examples", lost.stream().limit(10).toList());
        out.put("groups_never_notified", groups.values().stream().filter(g -> g.firstNotified == 0).count());

        Map<String, Object> latency = new LinkedHashMap<>();
        for (String phase : List.of("steady", "storm", "all")) {
            for (String severity : List.of("CRITICAL", "HIGH")) {
                List<Long> values = new ArrayList<>();
                for (Group g : groups.values()) {
                    if ((phase.equals("all") || g.phase.equals(phase)) && g.severity.equals(severity) && g.firstNotified > 0) {
                        values.add(g.firstNotified - g.firstSend);
                    }
                }
                latency.put("new_group_" + severity + "_" + phase, Percentiles.of(values));
            }
        }
        List<Long> perFp = new ArrayList<>();
        for (String fp : fired) {
            Long at = fpFirstNotified.get(fp);
            if (at != null) {
                perFp.add(at - recording.fpStart.get(fp));
            }
        }
        latency.put("fingerprint_first_notified_all", Percentiles.of(perFp));
        out.put("latency_ms", latency);
        return out;
    }
}
