package org.wedops.health.readiness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * A service started while its database is down stays up, reports not-ready, and becomes ready by itself once the
 * database appears: no crash loop, no consumption before it can store.
 */
@WedopsIntegrationTest
class StartsBeforeItsDatabaseIT {

    private static final int LATE_PORT = freePort();
    private static EmbeddedPostgres latePostgres;

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void databaseThatIsNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + LATE_PORT + "/postgres");
        registry.add("spring.flyway.url", () -> "jdbc:postgresql://127.0.0.1:" + LATE_PORT + "/postgres");
    }

    @AfterAll
    static void stopLatePostgres() throws IOException {
        if (latePostgres != null) {
            latePostgres.close();
        }
    }

    @Test
    void reportsNotReadyWhileTheDatabaseIsDownAndRecoversWhenItComesUp() throws Exception {
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        // anyone sees that it is not ready; why (the components) is for a VIEWER token
        web.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.components").doesNotExist();
        web.get().uri("/actuator/health/readiness").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.databaseMigration.status").isEqualTo("DOWN")
                .jsonPath("$.components.databaseMigration.details.migration").isEqualTo("waiting for the database")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");

        Path dataDir = Files.createTempDirectory("late-postgres");
        latePostgres = EmbeddedPostgres.builder().setPort(LATE_PORT).setDataDirectory(dataDir).start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.get().uri("/actuator/health/readiness")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.databaseMigration.status").isEqualTo("UP"));
        try (Connection connection = latePostgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeQuery("select count(*) from health_target").close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
