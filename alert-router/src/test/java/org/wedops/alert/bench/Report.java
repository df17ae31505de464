package org.wedops.alert.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Prints am.json and wedops.json side by side, then WedOps against the goals. */
final class Report {

    private Report() {
    }

    static void print(Path results) throws Exception {
        JsonNode am = BenchJson.MAPPER.readTree(Files.readString(results.resolve("am.json")));
        JsonNode wo = BenchJson.MAPPER.readTree(Files.readString(results.resolve("wedops.json")));
        StringBuilder text = new StringBuilder();
        TextTable t = new TextTable("", "Alertmanager 0.25", "WedOps alert-router", "WedOps/AM");

        for (String phase : List.of("steady", "storm")) {
            JsonNode a = am.at("/accepted/" + phase);
            JsonNode w = wo.at("/accepted/" + phase);
            t.row(String.format("alerts/s accepted, %s (offered %,.0f/s)", phase, a.path("offered_per_s").asDouble()),
                    num(a.path("accepted_per_s")) + " (HTTP 2xx)", num(w.path("accepted_per_s")) + " (Kafka ack)", "");
        }
        JsonNode tp = wo.path("router_throughput");
        t.row("alerts/s processed (WedOps: into its database)", "= accepted (never backlogged)",
                String.format("%,d mean, %,d best 5 s", tp.path("mean_per_s").asLong(), tp.path("best_5s_window_per_s").asLong()),
                String.format("%.2f× of storm offered", tp.path("best_5s_window_per_s").asDouble() / am.at("/accepted/storm/offered_per_s").asDouble()));
        t.row("backlog: peak consumer lag / last alert processed", "none",
                String.format("%,d / %s s after storm end", wo.path("consumer_lag_peak").asLong(),
                        tp.path("last_processed_after_storm_end_s").asText()), "");
        JsonNode al = am.path("latency_ms");
        JsonNode wl = wo.path("latency_ms");
        addLatency(t, al, wl, "new_group_CRITICAL_steady", "fire→webhook p50/p99, new CRITICAL group, steady");
        addLatency(t, al, wl, "new_group_CRITICAL_storm", "fire→webhook p50/p99, new CRITICAL group, storm");
        addLatency(t, al, wl, "new_group_CRITICAL_all", "fire→webhook p50/p99, new CRITICAL group, all");
        addLatency(t, al, wl, "new_group_HIGH_all", "fire→webhook p50/p99, new HIGH group (2s wait)");
        addLatency(t, al, wl, "fingerprint_first_notified_all", "first notification per fingerprint p50/p99");
        t.row("notifications sent", num(am.path("notifications")), num(wo.path("notifications")),
                ratio(wo.path("notifications"), am.path("notifications")));
        t.row("duplicates (same group, same alerts again)", num(am.path("duplicates")), num(wo.path("duplicates")), "");
        t.row(String.format("loss (of %,d firing fingerprints never notified)", wo.path("fingerprints_fired").asInt()),
                num(am.path("lost_fingerprints")), num(wo.path("lost_fingerprints")), "");
        t.row("groups never notified (of " + wo.path("groups").asInt() + ")", num(am.path("groups_never_notified")),
                num(wo.path("groups_never_notified")), "");
        t.row("send errors", num(am.path("send_errors")), num(wo.path("send_errors")), "");
        t.row("CPU of the system under test, % of one core", cpu(am.path("cpu"), "alertmanager"),
                cpu(wo.path("cpu"), "alert-router") + ", " + cpu(wo.path("cpu"), "kafka") + ", " + cpu(wo.path("cpu"), "postgres"), "");
        t.row("CPU of the bench driver / everything else", cpu(am.path("cpu"), "bench driver") + " / " + cpu(am.path("cpu"), "everything_else"),
                cpu(wo.path("cpu"), "bench driver") + " / " + cpu(wo.path("cpu"), "everything_else"), "");
        t.row("machine busy (of 2 cores) / measured wall time", am.at("/cpu/machine_busy_pct_of_all_cores").asText() + " % / "
                + am.at("/cpu/wall_s").asText() + " s", wo.at("/cpu/machine_busy_pct_of_all_cores").asText() + " % / "
                + wo.at("/cpu/wall_s").asText() + " s", "");
        text.append(t.render());

        text.append("\nGoals (issue 4), WedOps against Alertmanager:\n");
        TextTable g = new TextTable("goal", "target", "WedOps", "result");
        long dup = wo.path("duplicates").asLong();
        g.row("no duplicates", "0", String.valueOf(dup), dup == 0 ? "PASS" : "FAIL");
        long lost = wo.path("lost_fingerprints").asLong();
        g.row("no loss", "0", String.valueOf(lost), lost == 0 && !wo.at("/marks_us/drainCapHit").isNumber() ? "PASS" : "FAIL");
        long an = am.path("notifications").asLong();
        long wn = wo.path("notifications").asLong();
        g.row("notifications ≤ Alertmanager's (same grouping)", "≤ " + an, wn + " (" + ratio(wo.path("notifications"), am.path("notifications")) + ")",
                wn <= an ? "PASS" : "FAIL");
        for (String phase : List.of("steady", "storm", "all")) {
            double a99 = al.at("/new_group_CRITICAL_" + phase + "/p99").asDouble();
            double w99 = wl.at("/new_group_CRITICAL_" + phase + "/p99").asDouble();
            g.row("p99 fire→delivery ≤ 1.5× Alertmanager's, CRITICAL, " + phase, "≤ " + ms(1.5 * a99),
                    ms(w99) + String.format(" (%.1f×)", w99 / a99), w99 <= 1.5 * a99 ? "PASS" : "FAIL");
        }
        for (String phase : List.of("steady", "storm", "all")) {
            double w99 = wl.at("/new_group_CRITICAL_" + phase + "/p99").asDouble();
            g.row("p99 fire→delivery < 1 s, CRITICAL 0s wait, " + phase, "< 1000 ms", ms(w99), w99 < 1000 ? "PASS" : "FAIL");
        }
        text.append(g.render());
        if (wo.path("kafka_hop").isObject()) {
            text.append("\nThe floor under any design that reads ops.alerts.v1 (a bare consumer's produce→receive, same broker, same run):\n");
            JsonNode alone = Files.exists(results.resolve("kafka-hop.json"))
                    ? BenchJson.MAPPER.readTree(Files.readString(results.resolve("kafka-hop.json"))) : BenchJson.MAPPER.createObjectNode();
            TextTable f = new TextTable("phase", "1.5× Alertmanager's fire→webhook p99", "Kafka hop beside the working router",
                    "Kafka hop alone (router paused)", "the same, producer linger.ms=0", "best hop within the target at p99");
            for (String phase : List.of("steady", "storm")) {
                double target = 1.5 * al.at("/new_group_CRITICAL_" + phase + "/p99").asDouble();
                JsonNode hop = alone.at("/kafka_hop_alone/" + phase + "/every_event");
                JsonNode hop0 = alone.at("/kafka_hop_alone_linger0/" + phase + "/every_event");
                double best = Math.min(hop.path("p99").asDouble(Double.MAX_VALUE), hop0.path("p99").asDouble(Double.MAX_VALUE));
                f.row(phase, ms(target), pct(wo.at("/kafka_hop/" + phase + "/every_event")), pct(hop), pct(hop0),
                        best == Double.MAX_VALUE ? "n/a" : best <= target ? "yes" : "no");
            }
            text.append("(each: p50 / p99 / max, every event of the phase)\n");
            text.append(f.render());
        }

        JsonNode stages = wo.path("first_notification_stages_critical");
        if (stages.isObject()) {
            text.append("\nWedOps: where the first notification of a new CRITICAL group spent its time (p50 / p99 / max):\n");
            TextTable s = new TextTable("stage", "steady", "storm", "");
            for (var names = stages.path("steady").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                s.row(name, pct(stages.at("/steady").path(name)), pct(stages.at("/storm").path(name)), "");
            }
            s.row("send_to_intake_ms, every event", pct(wo.at("/router_intake/steady/send_to_intake_ms")),
                    pct(wo.at("/router_intake/storm/send_to_intake_ms")), "");
            s.row("send_to_consume_ms, every event, a bare consumer beside the router (the Kafka hop alone)",
                    pct(wo.at("/kafka_hop/steady/every_event")), pct(wo.at("/kafka_hop/storm/every_event")), "");
            text.append(s.render());
            JsonNode rm = wo.path("router_metrics");
            for (var names = rm.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                text.append(String.format("alert-router %s: %,d calls, mean %s ms, total %s s%n", name, rm.path(name).path("count").asLong(),
                        rm.path(name).path("mean_ms").asText(), rm.path(name).path("total_s").asText()));
            }
            text.append(String.format("PostgreSQL commits per alert event: %s; outbox rows %s, retried %s%n",
                    wo.path("postgres_commits_per_alert").asText("?"), wo.path("outbox_rows_by_status").toString(),
                    wo.path("outbox_rows_retried").asText()));
        }
        if (wo.at("/marks_us/drainCapHit").isNumber()) {
            text.append("NOTE: WedOps had not drained its backlog when the wait ended (DRAIN_CAP_S); unprocessed alerts count as loss.\n");
        }
        PrintStream out = System.out;
        out.print(text);
        Files.writeString(results.resolve("table.txt"), text.toString());
    }

    private static void addLatency(TextTable t, JsonNode am, JsonNode wo, String key, String label) {
        JsonNode a = am.path(key);
        JsonNode w = wo.path(key);
        t.row(label + " (n=" + w.path("n").asInt() + ")", p50p99(a), p50p99(w), a.path("p99").isNumber() && w.path("p99").isNumber()
                ? String.format("%.1f× (p99)", w.path("p99").asDouble() / a.path("p99").asDouble()) : "");
    }

    private static String cpu(JsonNode cpu, String name) {
        JsonNode pct = cpu.path(name + " pct_of_one_core");
        return pct.isNumber() ? name + " " + pct.asText() + " %" : name + " ?";
    }

    private static String p50p99(JsonNode p) {
        return p.path("p50").isNumber() ? ms(p.path("p50").asDouble()) + " / " + ms(p.path("p99").asDouble()) : "n/a";
    }

    private static String pct(JsonNode p) {
        return p.path("p50").isNumber()
                ? ms(p.path("p50").asDouble()) + " / " + ms(p.path("p99").asDouble()) + " / " + ms(p.path("max").asDouble())
                : "n/a";
    }

    static String ms(double ms) {
        return ms < 10 ? String.format("%.1f ms", ms) : ms < 10_000 ? String.format("%,.0f ms", ms) : String.format("%,.1f s", ms / 1000);
    }

    private static String num(JsonNode n) {
        return n.isNumber() ? String.format("%,d", n.asLong()) : "n/a";
    }

    private static String ratio(JsonNode w, JsonNode a) {
        return a.isNumber() && a.asDouble() != 0 && w.isNumber() ? String.format("%.2f×", w.asDouble() / a.asDouble()) : "";
    }
}
