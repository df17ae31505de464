package org.wedops.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One small HTTP server per service, standing in for it behind the gateway: it answers 200 with JSON naming itself
 * (and header {@code X-Stand-In}) and records what it received, so a test can tell which service a request reached
 * and with which headers. {@code /v3/api-docs} answers a tiny OpenAPI document; a service can also be "down" (an
 * address nobody listens on) or "slow".
 */
public final class StandInServices {

    /** What a stand-in received. */
    public record Received(String service, String method, String path, String query, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Starts a stand-in for each service, except those to leave down. */
    public static StandInServices start(List<String> services, List<String> down) {
        StandInServices standIns = new StandInServices();
        services.stream().filter(service -> !down.contains(service)).forEach(standIns::startOne);
        return standIns;
    }

    /** Points the gateway at the stand-ins, and services without one at an address nobody listens on. */
    public void register(DynamicPropertyRegistry registry, List<String> services) {
        for (String service : services) {
            HttpServer server = servers.get(service);
            int port = server != null ? server.getAddress().getPort() : portNobodyListensOn();
            registry.add("wedops.gateway.services." + service, () -> "http://127.0.0.1:" + port);
        }
    }

    /** Makes a path of a service answer only after a delay. */
    public void slow(String service, String path, Duration delay) {
        servers.get(service).createContext(path, exchange -> {
            record(service, exchange);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(service, exchange, 200, "{}");
        });
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What the stand-ins received with this request id, if anything. */
    public Optional<Received> withRequestId(String requestId) {
        return received.stream().filter(r -> r.header("X-Request-Id").filter(requestId::equals).isPresent()).findFirst();
    }

    public void stop() {
        servers.values().forEach(server -> server.stop(0));
        threads.shutdownNow();
    }

    private void startOne(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                Received request = record(service, exchange);
                respond(service, exchange, 200, "{\"service\":\"" + service + "\",\"method\":\"" + request.method()
                        + "\",\"path\":\"" + request.path() + "\"}");
            });
            server.createContext("/v3/api-docs", exchange -> {
                record(service, exchange);
                respond(service, exchange, 200, """
                        {"openapi":"3.1.0","info":{"title":"%s","version":"1"},
                         "servers":[{"url":"http://127.0.0.1:%d","description":"Generated server url"}],
                         "paths":{"/api/%s/things":{"get":{"responses":{"200":{"description":"OK"}}}}}}
                        """.formatted(service, server.getAddress().getPort(), service));
            });
            server.start();
            servers.put(service, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Received record(String service, HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(service, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        received.add(request);
        return request;
    }

    private static void respond(String service, HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Stand-In", service);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
