package org.wedops.localstack.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the simulator's endpoints with the health collector through its public admin API, exactly as an operator
 * would, so the whole path (REST, validation, database, polling, Kafka, alerting) is exercised.
 */
public final class SimulatedTargets {

    /**
     * @param timeoutMs the CRM gets more than its slow answer takes: it should show up as slow, not as down
     */
    record Target(String id, String path, String service, String region, int intervalSeconds, int timeoutMs) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("checkout", "checkout", "payments", "uk", 5, 1000),
            new Target("venue-wifi", "venue-wifi", "venue", "uk", 5, 1000),
            new Target("crm", "crm", "crm", "uk", 5, 2500));

    private SimulatedTargets() {
    }

    public static void register(TrafficSimulator simulator, URI healthCollector, String adminToken, PrintStream console) {
        HttpClient http = ApiCalls.client();
        for (Target target : TARGETS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", target.id());
            body.put("url", simulator.healthUrl(target.path()));
            body.put("service", target.service());
            body.put("region", target.region());
            body.put("intervalSeconds", target.intervalSeconds());
            body.put("timeoutMs", target.timeoutMs());
            body.put("reason", "local stack traffic simulator");
            HttpRequest request = ApiCalls.post(healthCollector.resolve("/api/admin/infrastructure/targets"), adminToken, body);
            console.println(describe(target, body.get("url"), send(http, request)));
        }
    }

    private static String describe(Target target, Object url, HttpResponse<String> response) {
        if (response == null) {
            return "  ! " + target.id() + ": the health collector did not answer";
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return "  registered " + target.id() + " → " + url + " (every " + target.intervalSeconds() + " s)";
        }
        if (status == 409) {
            return "  " + target.id() + " was already registered → " + url;
        }
        return "  ! " + target.id() + " not registered: HTTP " + status + " " + ApiCalls.abbreviated(response.body());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
