package org.wedops.support.database;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Runs Flyway in the background, retrying until the database answers, instead of failing start-up. Until the
 * schema is migrated the service is up but not ready (this indicator is in the readiness group) and its Kafka
 * listeners have not started, so a service started before its database neither crash-loops nor consumes
 * events it could not store. The library's own tables ({@link SharedSchema}) are migrated on the same path, right
 * after the service's: the schema counts as migrated once both are.
 */
public class DeferredMigration implements FlywayMigrationStrategy, HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeferredMigration.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final CompletableFuture<Void> migrated = new CompletableFuture<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-migration");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Health> health = new AtomicReference<>(Health.down().withDetail("migration", "not started").build());
    private final Supplier<List<SharedSchema>> sharedSchemas;

    /** @param sharedSchemas the library's schemas in use, asked for when the migration runs */
    public DeferredMigration(Supplier<List<SharedSchema>> sharedSchemas) {
        this.sharedSchemas = sharedSchemas;
    }

    /** Runs the action once the schema is migrated: at once if it already is, else on the migration thread. */
    public void whenMigrated(Runnable action) {
        migrated.thenRun(action);
    }

    @Override
    public void migrate(Flyway flyway) {
        executor.execute(() -> attempt(flyway, FIRST_RETRY));
    }

    private void attempt(Flyway flyway, Duration nextDelay) {
        try {
            int applied = flyway.migrate().migrationsExecuted;
            for (SharedSchema schema : sharedSchemas.get()) {
                applied += schema.flyway(flyway.getConfiguration()).migrate().migrationsExecuted;
            }
            health.set(Health.up().withDetail("migrationsApplied", applied).build());
            log.info("Database schema ready ({} migration(s) applied)", applied);
            migrated.complete(null);
        } catch (RuntimeException e) {
            health.set(Health.down().withDetail("migration", "waiting for the database")
                    .withDetail("error", String.valueOf(e.getMessage())).build());
            log.warn("Database not ready, retrying in {}: {}", nextDelay, e.getMessage());
            Duration after = nextDelay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextDelay.multipliedBy(2);
            executor.schedule(() -> attempt(flyway, after), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Health health() {
        return health.get();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
