package org.wedops.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The probe's own client: a collector probing a thousand targets must not grow a meter tag value per target URL, nor
 * trace every probe (the client is not observed, even when the builder it is given is, as Boot's is); and a URL that is
 * not one is answered as a failed probe, never thrown or expanded as a template.
 */
class HttpProbeTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void probingManyTargetsAddsNoClientRequestMeterPerUrl() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        HttpProbe probe = new HttpProbe(WebClient.builder().observationRegistry(observations),
                new ProbeAddresses(new ProbeProperties(List.of("127.0.0.0/8"))));
        int port = server.getAddress().getPort();

        for (int target = 0; target < 150; target++) {
            ProbeResult result = probe.probe("http://127.0.0.1:" + port + "/target-" + target + "/health", Duration.ofSeconds(5))
                    .block(Duration.ofSeconds(10));
            assertThat(result.statusCode()).isEqualTo(200);
        }

        assertThat(meters.find("http.client.requests").meters()).isEmpty();
    }

    @Test
    void aUrlThatIsNoUrlIsAFailedProbeNotAnExceptionNorATemplate() {
        HttpProbe probe = new HttpProbe(WebClient.builder(), new ProbeAddresses(new ProbeProperties(List.of("127.0.0.0/8"))));
        int port = server.getAddress().getPort();

        ProbeResult result = probe.probe("http://127.0.0.1:" + port + "/health?since={yesterday} and today", Duration.ofSeconds(5))
                .block(Duration.ofSeconds(10));

        assertThat(result.statusCode()).isNull();
        assertThat(result.failure()).isEqualTo("not a valid URL");
    }
}
