package org.wedops.localstack.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final TrafficSimulator simulator = TrafficSimulator.start(0, new PrintStream(printed, true, StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void checkoutIsAlwaysUpAndVenueWifiStartsUp() throws Exception {
        HttpResponse<String> checkout = get(simulator.healthUrl("checkout"));
        assertThat(checkout.statusCode()).isEqualTo(200);
        assertThat(checkout.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(simulator.healthUrl("venue-wifi")).statusCode()).isEqualTo(200);
        assertThat(get(simulator.healthUrl("crm")).statusCode()).isEqualTo(200);
    }

    @Test
    void slackPostsArePrintedToTheConsole() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.slackWebhookUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"venue-wifi is CRITICAL\",\"blocks\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("[slack] venue-wifi is CRITICAL" + System.lineSeparator());
    }

    @Test
    void aTakenPreferredPortFallsBackToAFreeOne() {
        try (TrafficSimulator second = TrafficSimulator.start(simulator.port(), System.out)) {
            assertThat(second.port()).isNotEqualTo(simulator.port());
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
