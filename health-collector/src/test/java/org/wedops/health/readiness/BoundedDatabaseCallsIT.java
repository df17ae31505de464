package org.wedops.health.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.testsupport.WedopsIntegrationTest;

/** Every service's database sessions carry the shared statement and lock timeouts, so no call can hang a consumer. */
@WedopsIntegrationTest(properties = {"spring.r2dbc.properties.statementTimeout=PT1S"})
class BoundedDatabaseCallsIT {

    @Autowired
    DatabaseClient db;

    @Test
    void sessionsCarryTheConfiguredStatementAndLockTimeouts() {
        assertThat(setting("statement_timeout")).isEqualTo("1s");
        assertThat(setting("lock_timeout")).isEqualTo("10s");
    }

    @Test
    void aStatementThatRunsPastItsTimeoutIsCancelledByTheDatabase() {
        assertThat(catchThrowable(() ->
                db.sql("select pg_sleep(5)").fetch().rowsUpdated().block(Duration.ofSeconds(10))))
                .isInstanceOf(DataAccessException.class)
                .hasRootCauseMessage("canceling statement due to statement timeout");
    }

    private String setting(String name) {
        return db.sql("show " + name).map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(5));
    }
}
