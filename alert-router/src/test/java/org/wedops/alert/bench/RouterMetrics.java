package org.wedops.alert.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert-router's own timers from /actuator/prometheus (read with the bench stack's scrape token, whose file
 * run.sh names in SCRAPE_TOKEN_FILE): how long the Kafka listener spends
 * per record, how long the webhook calls take, GC pauses. Taken when the measured run starts and when it ends.
 */
final class RouterMetrics {

    private static final String[] TIMERS = {"spring_kafka_listener_seconds", "spring_kafka_template_seconds",
            "http_client_requests_seconds", "jvm_gc_pause_seconds"};

    private RouterMetrics() {
    }

    static Map<String, Double> scrape(String routerUrl, Path saveTo) {
        Map<String, Double> values = new TreeMap<>();
        try {
            String scrapeToken = Files.readString(Path.of(System.getenv("SCRAPE_TOKEN_FILE"))).trim();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routerUrl + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + scrapeToken)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + r.statusCode());
            }
            if (saveTo != null) {
                Files.writeString(saveTo, r.body());
            }
            for (String line : r.body().split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String timer : TIMERS) {
                    if (line.startsWith(timer + "_count") || line.startsWith(timer + "_sum")) {
                        String name = line.substring(0, line.indexOf(line.contains("{") ? '{' : ' '));
                        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        values.merge(name, value, Double::sum);
                    }
                }
            }
        } catch (Exception e) {
            values.put("scrape_failed", 1.0);
        }
        return values;
    }

    /** Per timer: calls, mean milliseconds and total seconds between the two scrapes. */
    static Map<String, Object> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String timer : TIMERS) {
            double count = after.getOrDefault(timer + "_count", 0.0) - before.getOrDefault(timer + "_count", 0.0);
            double sum = after.getOrDefault(timer + "_sum", 0.0) - before.getOrDefault(timer + "_sum", 0.0);
            if (count > 0) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("count", Math.round(count));
                m.put("mean_ms", Math.round(1000 * sum / count * 100) / 100.0);
                m.put("total_s", Math.round(sum * 10) / 10.0);
                out.put(timer, m);
            }
        }
        return out;
    }
}
