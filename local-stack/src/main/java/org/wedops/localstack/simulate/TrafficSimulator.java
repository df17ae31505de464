package org.wedops.localstack.simulate;

import java.net.URI;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.wedops.localstack.StackException;

/**
 * Stand-ins for the things WedOps watches and talks to, inside the launcher: three vendor endpoints with the
 * behaviours that matter on a wedding Saturday (steady, flapping, slow) and a Slack webhook that prints what the
 * alert router would have posted; and, once the stack is up, the emitters: integration samples and model predictions.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class TrafficSimulator implements AutoCloseable {

    /** Venue Wi-Fi drops for a while and comes back: alerts fire, then resolve. */
    static final FlakySchedule VENUE_WIFI = new FlakySchedule(Duration.ofSeconds(40), Duration.ofSeconds(20));
    /** The CRM answers, but slowly for part of every cycle. */
    static final FlakySchedule CRM = new FlakySchedule(Duration.ofSeconds(60), Duration.ofSeconds(30));
    static final Duration CRM_DELAY = Duration.ofMillis(1500);

    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\",\"reason\":\"venue uplink lost\"}";

    private final HttpServer server;
    private final ExecutorService workers;
    private final long startedAt = System.nanoTime();
    private final PrintStream console;
    private volatile SimulatedSamples samples;
    private volatile SimulatedModels models;

    /** Listens on the preferred port, or on any free one when that is taken. */
    public static TrafficSimulator start(int preferredPort, PrintStream console) {
        HttpServer server;
        try {
            server = bind(preferredPort);
        } catch (IOException e) {
            throw new StackException("the traffic simulator cannot listen: " + e.getMessage(), e);
        }
        // a slow CRM answer must not hold up the other endpoints
        ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "simulator");
            thread.setDaemon(true);
            return thread;
        });
        TrafficSimulator simulator = new TrafficSimulator(server, workers, console);
        server.setExecutor(workers);
        server.createContext("/sim/checkout/health", exchange -> simulator.respond(exchange, 200, UP));
        server.createContext("/sim/venue-wifi/health", simulator::venueWifi);
        server.createContext("/sim/crm/health", simulator::crm);
        server.createContext("/slack", simulator::slack);
        server.start();
        return simulator;
    }

    private static HttpServer bind(int preferredPort) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            return HttpServer.create(new InetSocketAddress(loopback, preferredPort), 0);
        } catch (BindException taken) {
            return HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String slackWebhookUrl() {
        return baseUrl() + "/slack";
    }

    public String healthUrl(String target) {
        return baseUrl() + "/sim/" + target + "/health";
    }

    private Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private void venueWifi(HttpExchange exchange) throws IOException {
        if (VENUE_WIFI.isDown(sinceStart())) {
            respond(exchange, 503, DOWN);
        } else {
            respond(exchange, 200, UP);
        }
    }

    private void crm(HttpExchange exchange) throws IOException {
        if (CRM.isDown(sinceStart())) {
            try {
                Thread.sleep(CRM_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        respond(exchange, 200, UP);
    }

    private void slack(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"POST only\"}");
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        console.println("[slack] " + SlackMessage.readable(body));
        // what Slack itself answers to a webhook it accepted
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, ok.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
        }
    }

    private void respond(HttpExchange exchange, int status, String json) throws IOException {
        try (InputStream ignored = exchange.getRequestBody()) {
            ignored.readAllBytes();
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (samples != null) {
            samples.close();
        }
        if (models != null) {
            models.close();
        }
        server.stop(0);
        workers.shutdownNow();
    }

    /** Starts posting integration samples to apm-ingest; they stop with the simulator. */
    public void emitSamples(URI apmIngest, String ingestToken) {
        samples = SimulatedSamples.start(apmIngest, ingestToken, console);
    }

    /**
     * Starts writing model predictions to the broker; they stop with the simulator.
     *
     * @param clientProperties the emitter's login on a secured broker, else nothing
     */
    public void emitModelObservations(String bootstrapServers, Map<String, Object> clientProperties) {
        models = SimulatedModels.start(bootstrapServers, clientProperties, console);
    }
}
