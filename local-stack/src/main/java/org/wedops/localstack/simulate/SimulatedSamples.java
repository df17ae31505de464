package org.wedops.localstack.simulate;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The platform's integrations as apm-ingest sees them: every two seconds a batch of samples of a Stripe webhook
 * chain, the CRM's API (slow when the simulated CRM is) and an AI venue-matching model, posted through the public
 * ingest API like any emitter, so windows, percentiles and SLA alerts have something to show.
 */
public final class SimulatedSamples implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(2);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-samples");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random();
    private final long startedAt = System.nanoTime();

    private SimulatedSamples() {
    }

    /** One that posts nothing until started; its batches can still be looked at. */
    static SimulatedSamples idle() {
        return new SimulatedSamples();
    }

    public static SimulatedSamples start(URI apmIngest, String ingestToken, PrintStream console) {
        SimulatedSamples samples = new SimulatedSamples();
        HttpClient http = ApiCalls.client();
        URI endpoint = apmIngest.resolve("/api/apm/samples");
        samples.scheduler.scheduleWithFixedDelay(() -> {
            try {
                HttpRequest request = ApiCalls.post(endpoint, ingestToken, Map.of("samples", samples.batch(Instant.now())));
                http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                // apm-ingest restarting or busy: the next batch tries again
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        console.println("  posting integration samples to " + endpoint + " every " + EVERY.toSeconds() + " s");
        return samples;
    }

    List<Map<String, Object>> batch(Instant now) {
        boolean crmSlow = TrafficSimulator.CRM.isDown(Duration.ofNanos(System.nanoTime() - startedAt));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(sample("WEBHOOK", "payments", "stripe.invoice.paid", "stripe", now, 250 + 120 * random.nextGaussian(), random.nextDouble() > 0.01));
            batch.add(sample("HTTP", "crm", "GET /api/contacts", null, now, crmSlow ? 1500 + 200 * random.nextDouble() : 120 + 40 * random.nextDouble(), true));
        }
        for (int i = 0; i < 4; i++) {
            batch.add(sample("AI_INFERENCE", "matching", "venue-match", "openai", now, 800 + 300 * random.nextGaussian(), true));
        }
        return batch;
    }

    private static Map<String, Object> sample(String kind, String service, String operation, String provider, Instant at, double durationMs,
                                              boolean success) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("kind", kind);
        sample.put("service", service);
        sample.put("operation", operation);
        if (provider != null) {
            sample.put("provider", provider);
        }
        sample.put("region", "uk");
        sample.put("environment", "local");
        sample.put("timestamp", at.toString());
        sample.put("durationMs", Math.max(1, durationMs));
        sample.put("success", success);
        if (!success) {
            sample.put("errorType", "card_declined_webhook_timeout");
        }
        return sample;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
