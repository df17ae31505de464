package org.wedops.apm.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest
class RetentionCleanupIT {

    @Autowired
    RetentionCleanup cleanup;

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    @Test
    void errorGroupsNotSeenFor30DaysAndObservationsOlderThan400DaysAreDeletedTheRestKept() {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        group(prefix + "-stale", now.minus(Duration.ofDays(31)));
        group(prefix + "-fresh", now.minus(Duration.ofDays(29)));
        observation(prefix, now.minus(Duration.ofDays(401)));
        observation(prefix, now.minus(Duration.ofDays(399)));

        cleanup.cleanUp().block(Duration.ofSeconds(10));

        assertThat(db.sql("select fingerprint from apm_error_group where fingerprint like :p").bind("p", prefix + "%")
                .map((row, meta) -> row.get(0, String.class)).all().collectList().block()).containsExactly(prefix + "-fresh");
        assertThat(db.sql("select count(*) from model_observation where model_id = :m").bind("m", prefix)
                .map((row, meta) -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    }

    private void group(String fingerprint, Instant lastSeen) {
        db.sql("""
                        insert into apm_error_group (fingerprint, kind, service, operation, error_type, count, first_seen, last_seen)
                        values (:fp, 'HTTP', 'crm', 'sync', 'timeout', 1, :at, :at)""")
                .bind("fp", fingerprint).bind("at", lastSeen.atOffset(ZoneOffset.UTC)).fetch().rowsUpdated().block();
    }

    private void observation(String model, Instant at) {
        db.sql("""
                        insert into model_observation (event_id, model_id, model_version, score, observed_at)
                        values (:id, :model, '1', 0.5, :at)""")
                .bind("id", UUID.randomUUID()).bind("model", model).bind("at", at.atOffset(ZoneOffset.UTC)).fetch().rowsUpdated().block();
    }
}
