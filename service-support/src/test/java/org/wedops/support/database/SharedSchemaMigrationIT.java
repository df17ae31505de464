package org.wedops.support.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.audit.AuditQuery;
import org.wedops.support.targethealth.LatestTargetHealth;
import org.wedops.testsupport.SharedPostgres;

/**
 * The library's own tables on a real PostgreSQL, migrated as a service migrates them ({@link DeferredMigration}, right
 * after the service's own schema): from an empty database, again with nothing left to do, and for a feature turned on
 * later. What {@link AuditLog} and {@link LatestTargetHealth} write and read must fit the tables the migrations make.
 */
class SharedSchemaMigrationIT {

    private static final SharedSchema AUDIT = SharedSchema.of("audit", AuditLog.class);
    private static final SharedSchema TARGET_HEALTH = SharedSchema.of("target-health", LatestTargetHealth.class);

    @Test
    void anEmptyDatabaseGetsTheServicesSchemaAndTheLibrarysEachUnderItsOwnHistory() {
        String database = SharedPostgres.database("support_empty_" + UUID.randomUUID().toString().substring(0, 8));

        // the service's V1 and each library schema's V1 all run: no version clash
        assertThat(migrate(database, AUDIT, TARGET_HEALTH)).isEqualTo(3);

        DatabaseClient db = client(database);
        assertThat(tables(db)).contains("wedding", "audit_log", "target_health", "flyway_schema_history",
                "wedops_audit_schema_history", "wedops_target_health_schema_history");
        assertThat(db.sql("select version from wedops_audit_schema_history where success order by installed_rank")
                .map(row -> row.get("version", String.class)).all().collectList().block())
                .as("a baseline below the library's first migration, which still ran").containsExactly("0", "1");
        assertThat(db.sql("select count(*) from flyway_schema_history where script like '%audit%' or script like '%target%'")
                .map(row -> row.get(0, Long.class)).one().block()).as("the service's history knows nothing of them").isZero();
    }

    @Test
    void runningAgainChangesNothing() {
        String database = SharedPostgres.database("support_again_" + UUID.randomUUID().toString().substring(0, 8));
        migrate(database, AUDIT, TARGET_HEALTH);
        AuditLog audit = new AuditLog(client(database));
        audit.record(Instant.parse("2026-06-06T10:00:00Z"), "alice", "silence", "venue-wifi", "a wedding at noon", "DONE").block();

        assertThat(migrate(database, AUDIT, TARGET_HEALTH)).isZero();
        assertThat(audit.find(AuditQuery.of("alice", null, null, null, null)).collectList().block())
                .singleElement().satisfies(entry -> assertThat(entry.reason()).isEqualTo("a wedding at noon"));
    }

    @Test
    void aFeatureTurnedOnLaterGetsItsTableOnTheNextStart() {
        String database = SharedPostgres.database("support_later_" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(migrate(database, AUDIT)).isEqualTo(2);
        assertThat(tables(client(database))).doesNotContain("target_health");

        assertThat(migrate(database, AUDIT, TARGET_HEALTH)).isEqualTo(1);
        assertThat(tables(client(database))).contains("target_health");
    }

    @Test
    void theTablesFitWhatTheLibraryWritesAndReads() {
        String database = SharedPostgres.database("support_fit_" + UUID.randomUUID().toString().substring(0, 8));
        migrate(database, AUDIT, TARGET_HEALTH);
        DatabaseClient db = client(database);

        AuditLog audit = new AuditLog(db);
        audit.record(Instant.parse("2026-06-06T10:00:00Z"), "bob", "scale", "payments", null, "REFUSED").block();
        assertThat(audit.find(AuditQuery.of(null, "scale", null, null, null)).collectList().block())
                .singleElement().satisfies(entry -> {
                    assertThat(entry.reason()).isNull();
                    assertThat(entry.outcome()).isEqualTo("REFUSED");
                });

        LatestTargetHealth health = new LatestTargetHealth(db, Duration.ofSeconds(5));
        Instant checkedAt = Instant.parse("2026-06-06T10:00:00Z");
        assertThat(health.record(check("web-1", HealthStatus.CRITICAL, checkedAt)).block()).isTrue();
        assertThat(health.record(check("web-1", HealthStatus.HEALTHY, checkedAt.minusSeconds(60))).block())
                .as("an older check does not replace a newer one").isFalse();
        assertThat(db.sql("select status, reasons from target_health where target_id = 'web-1'").fetch().one().block())
                .containsEntry("status", "CRITICAL");
    }

    @Test
    void aDatabaseWhoseAppliedMigrationChangedSinceIsSaidToNeedAPersonNotToBeWaitedFor() {
        String database = SharedPostgres.database("support_changed_" + UUID.randomUUID().toString().substring(0, 8));
        migrate(database, AUDIT);
        // as if V1 had been edited after this database applied it
        client(database).sql("update flyway_schema_history set checksum = checksum + 1 where version = '1'").then().block();

        assertThat(refusal(database, AUDIT)).containsEntry("migration", DeferredMigration.SCHEMA_HISTORY_MISMATCH)
                .hasEntrySatisfying("error", error -> assertThat(error.toString()).contains("checksum mismatch"));
    }

    @Test
    void aTableAnOlderBuildMadeOutsideTheLibrarysHistoryIsSaidToBeAFailedMigration() {
        String database = SharedPostgres.database("support_older_" + UUID.randomUUID().toString().substring(0, 8));
        migrate(database);
        // an older build made audit_log in the service's own history; the library's V1 then meets it
        client(database).sql("create table audit_log (id bigserial primary key)").then().block();

        assertThat(refusal(database, AUDIT)).containsEntry("migration", DeferredMigration.MIGRATION_FAILED)
                .hasEntrySatisfying("error", error -> assertThat(error.toString()).contains("audit_log"));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsWaitedFor() {
        DeferredMigration migration = new DeferredMigration(List::of);
        try {
            migration.migrate(Flyway.configure().dataSource("jdbc:postgresql://127.0.0.1:1/nothing", "postgres", "postgres")
                    .connectRetries(0).locations("classpath:db/test-service").load());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(migration.health().getDetails()).containsEntry("migration", "waiting for the database"));
            assertThat(migration.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            migration.destroy();
        }
    }

    /** The readiness details of a migration that cannot complete, once it has been tried. */
    private static Map<String, Object> refusal(String database, SharedSchema... shared) {
        DeferredMigration migration = new DeferredMigration(() -> List.of(shared));
        try {
            migration.migrate(Flyway.configure().dataSource(SharedPostgres.jdbcUrl(database), "postgres", "postgres")
                    .locations("classpath:db/test-service").load());
            await().atMost(Duration.ofSeconds(30)).until(() -> migration.health().getDetails().containsKey("error"));
            assertThat(migration.health().getStatus()).isEqualTo(Status.DOWN);
            return migration.health().getDetails();
        } finally {
            migration.destroy();
        }
    }

    /** Migrates as a service does, through {@link DeferredMigration}, and answers how many migrations ran. */
    private static int migrate(String database, SharedSchema... shared) {
        Flyway service = Flyway.configure()
                .dataSource(SharedPostgres.jdbcUrl(database), "postgres", "postgres")
                .locations("classpath:db/test-service")
                .load();
        DeferredMigration migration = new DeferredMigration(() -> List.of(shared));
        try {
            CompletableFuture<Void> done = new CompletableFuture<>();
            migration.whenMigrated(() -> done.complete(null));
            migration.migrate(service);
            done.get(60, TimeUnit.SECONDS);
            assertThat(migration.health().getStatus()).isEqualTo(Status.UP);
            return ((Number) migration.health().getDetails().get("migrationsApplied")).intValue();
        } catch (Exception e) {
            throw new AssertionError("not migrated: " + migration.health().getDetails(), e);
        } finally {
            migration.destroy();
        }
    }

    private static List<String> tables(DatabaseClient db) {
        return db.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private static DatabaseClient client(String database) {
        return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(SharedPostgres.r2dbcUrl(database)).mutate()
                .option(ConnectionFactoryOptions.USER, "postgres").option(ConnectionFactoryOptions.PASSWORD, "postgres").build()));
    }

    private static ContainerHealthReported check(String target, HealthStatus status, Instant at) {
        return ContainerHealthReported.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setTargetId(target).setService("web").setRegion("uk")
                .setSource(HealthSource.HTTP).setStatus(status).setReasons(List.of("probe")).setProfile(ThresholdProfile.STANDARD)
                .build();
    }
}
