package org.wedops.localstack;

import java.nio.file.Path;

/**
 * Where the stack keeps what must survive a restart (broker log, database, JWT secret) and its logs: one git-ignored
 * folder in the directory the launcher runs from, so that deleting it is a full reset.
 */
public record StackDirectories(Path root) {

    public StackDirectories {
        root = root.toAbsolutePath().normalize();
    }

    public static StackDirectories inWorkingDirectory() {
        return new StackDirectories(Path.of(".wedops"));
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path kafkaData() {
        return kafka().resolve("data");
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path jwtSecret() {
        return root.resolve("jwt-secret");
    }

    /** The static token that reads every service's /actuator/prometheus (Prometheus's credentials_file). */
    public Path scrapeToken() {
        return root.resolve("scrape-token");
    }
}
