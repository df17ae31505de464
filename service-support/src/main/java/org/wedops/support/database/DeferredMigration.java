package org.wedops.support.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
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
 * <p>
 * A database whose schema history does not match this build's migrations (one applied there was changed or removed
 * since) is not a database that is not there yet: retrying cannot fix it, a person has to. It is still retried (a
 * person may repair or recreate it while the service runs), but it is said as what it is, in the log as an error and in
 * the readiness details, so nobody waits for a database that is answering.
 */
public class DeferredMigration implements FlywayMigrationStrategy, HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeferredMigration.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /** Said in the log and the readiness details when a migration applied there was changed or removed since. */
    public static final String SCHEMA_HISTORY_MISMATCH = "The database's schema history does not match this build's migrations";
    /** Said in the log and the readiness details when a migration's SQL fails, e.g. on a table an older build made. */
    public static final String MIGRATION_FAILED = "A migration of this build failed on this database";
    private static final Set<String> REFUSED_SQL_STATES = Set.of("22", "23", "42");

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
            String problem = needsAPerson(e);
            if (problem != null) {
                health.set(Health.down().withDetail("migration", problem).withDetail("error", String.valueOf(e.getMessage())).build());
                log.error("{}: this build cannot start on this database until a person repairs or recreates it (retrying in {}): {}",
                        problem, nextDelay, e.getMessage());
            } else {
                health.set(Health.down().withDetail("migration", "waiting for the database")
                        .withDetail("error", String.valueOf(e.getMessage())).build());
                log.warn("Database not ready, retrying in {}: {}", nextDelay, e.getMessage());
            }
            retry(flyway, nextDelay);
        }
    }

    /** What is wrong when waiting cannot help (the database answered and refused), or null while it may. */
    static String needsAPerson(RuntimeException failure) {
        if (failure instanceof FlywayValidateException) {
            return SCHEMA_HISTORY_MISMATCH;
        }
        // the database ran a migration's SQL and refused it (SQL state classes 22 data, 23 integrity, 42 syntax or
        // access rule, e.g. 42P07 a table that exists); connection, start-up and resource states stay worth waiting for
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && REFUSED_SQL_STATES.contains(sql.getSQLState().substring(0, 2))) {
                return MIGRATION_FAILED;
            }
        }
        return null;
    }

    private void retry(Flyway flyway, Duration nextDelay) {
        Duration after = nextDelay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextDelay.multipliedBy(2);
        executor.schedule(() -> attempt(flyway, after), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
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
