package org.wedops.localstack.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the simulator calls the services' public APIs, as an emitter or an operator would: JSON with a bearer token,
 * and bounded waits, so a service that is still starting costs a simulated call seconds, never the stack's start.
 */
final class ApiCalls {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ApiCalls() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    static HttpRequest post(URI uri, String token, Object body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }

    /** An answer's body on one line and at most 200 characters, for the console. */
    static String abbreviated(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
