package org.wedops.localstack.services;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.wedops.localstack.StackException;

/**
 * Waits for readiness (not liveness): a service is only useful once its database is migrated and it reaches the
 * broker, which is what the readiness group of every service checks.
 */
public final class ReadinessWait {

    static final Duration POLL = Duration.ofMillis(250);
    private static final int LOG_LINES = 20;
    /**
     * What a service's database migration logs when the database answered and refused this build's schema
     * (service-support's DeferredMigration): waiting cannot help, so the wait stops at once and says what can.
     */
    static final String REFUSED_SCHEMA = "cannot start on this database until a person repairs or recreates it";
    static final String RESET_HINT = "its database in .wedops was made by an earlier build of WedOps whose migrations have changed since. "
            + "./wedops reset deletes the local stack's data (PostgreSQL and Kafka, not its secrets or logs); then run again.";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private ReadinessWait() {
    }

    /**
     * Returns once every service answers 200, calling {@code onReady} for each as it gets there; fails as soon as one
     * of them exits, or at the timeout, with the end of the logs that explain it.
     */
    public static void awaitAll(List<ServiceProcess> services, Duration timeout, Consumer<ServiceProcess> onReady) {
        List<ServiceProcess> pending = new ArrayList<>(services);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            for (ServiceProcess service : pending) {
                if (!service.isAlive()) {
                    throw new StackException(service.name() + " exited with code " + service.child().exitCode()
                            + " before it was ready; the last lines of " + service.log() + ":\n" + tail(service));
                }
                if (service.child().lastLogLines(LOG_LINES).stream().anyMatch(line -> line.contains(REFUSED_SCHEMA))) {
                    throw new StackException(service.name() + " cannot start: " + RESET_HINT + "\nThe last lines of " + service.log()
                            + ":\n" + tail(service));
                }
            }
            Map<ServiceProcess, CompletableFuture<Boolean>> probes = new LinkedHashMap<>();
            pending.forEach(service -> probes.put(service, isReady(service)));
            probes.forEach((service, ready) -> {
                if (ready.join()) {
                    pending.remove(service);
                    onReady.accept(service);
                }
            });
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("not ready after " + timeout.toSeconds() + " s: "
                        + pending.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")) + "\n"
                        + pending.stream().map(service -> "--- last lines of " + service.log() + ":\n" + tail(service))
                                .collect(Collectors.joining("\n")));
            }
            sleep(POLL);
        }
    }

    private static CompletableFuture<Boolean> isReady(ServiceProcess service) {
        HttpRequest request = HttpRequest.newBuilder(service.readinessUrl()).timeout(Duration.ofSeconds(2)).GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200)
                .exceptionally(notYetListening -> false);
    }

    private static String tail(ServiceProcess service) {
        return service.child().lastLogLines(LOG_LINES).stream().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the services");
        }
    }
}
