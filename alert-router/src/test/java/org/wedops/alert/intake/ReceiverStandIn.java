package org.wedops.alert.intake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP server standing in for Slack, PagerDuty and webhooks: records bodies per path, answers as told. */
public final class ReceiverStandIn implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();

    public ReceiverStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = statusByPath.getOrDefault(path, 200);
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
            byte[] answer = (status < 300 ? "ok" : "error").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(String path, int status) {
        statusByPath.put(path, status);
    }

    /** Bodies received on the path that mention the text, e.g. a fingerprint. */
    public List<String> received(String path, String mentioning) {
        return received.getOrDefault(path, List.of()).stream().filter(body -> body.contains(mentioning)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
