package org.wedops.support.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.MigrationResolver;

/**
 * Tables that a feature of this library owns (the audit log, the latest target health), created in each service's own
 * database by the library's own Flyway migrations, which ship in the library's jar next to the feature
 * ({@code classpath:org/wedops/support/<feature>/db}) as Spring Session and Spring Batch ship their schemas. A feature's
 * auto-configuration declares one as a bean; {@link DeferredMigration} migrates it right after the service's own schema,
 * on the same deferred path, so a service still starts while PostgreSQL is down and reports ready only once both are in.
 * <p>
 * Why a Flyway run of its own, with a history table of its own ({@code wedops_<feature>_schema_history}), rather than a
 * location added to the service's Flyway: one history table numbers every migration of its locations in one sequence,
 * so a library {@code V1} would clash with the service's {@code V1}, and any version the library picked could be taken
 * by a service one day (or, picked high, would make every later service migration "out of order"). Repeatable
 * migrations avoid the numbering but re-run on every change and can never drop or rename anything safely. With a
 * history of its own, each feature's schema is versioned on its own ({@code V1}, {@code V2}, … forever), a service
 * cannot clash with it, and the service's history knows nothing of it.
 * <p>
 * It runs after the service's migrations, so the service's history table keeps Flyway's defaults untouched (it finds an
 * empty schema on a fresh database); this run then finds the service's tables there, hence a baseline at version
 * {@code 0} (below every library migration, so all of them still run) instead of Flyway's refusal of a non-empty schema
 * without history. It follows that a service migration must never refer to a library table: they are leaves.
 *
 * @param name         the feature's name, in the history table's name and in logs
 * @param location     where its migrations are, a Flyway location
 * @param historyTable the table holding its schema history
 */
public record SharedSchema(String name, String location, String historyTable) {

    /** The schema of the feature whose package holds {@code type}: migrations in the package's {@code db} folder. */
    public static SharedSchema of(String name, Class<?> type) {
        return new SharedSchema(name, "classpath:" + type.getPackageName().replace('.', '/') + "/db",
                "wedops_" + name.replace('-', '_') + "_schema_history");
    }

    /**
     * This schema's Flyway, on the service's database as the service's own Flyway reaches it (same data source, schemas
     * and placeholders), with none of the service's own migrations, resolvers, callbacks or target.
     */
    public Flyway flyway(Configuration service) {
        return Flyway.configure(service.getClassLoader())
                .configuration(service)
                .locations(location)
                .table(historyTable)
                .javaMigrations(new JavaMigration[0])
                .resolvers(new MigrationResolver[0])
                .callbacks(new Callback[0])
                .target("latest")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("before the " + name + " schema")
                .load();
    }
}
