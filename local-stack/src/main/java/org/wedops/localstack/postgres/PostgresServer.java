package org.wedops.localstack.postgres;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.wedops.localstack.StackException;

/**
 * A real PostgreSQL (zonky's embedded binaries, started from this JVM) whose data directory outlives the launcher,
 * with one database per service as in production.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start(int port, Path dataDirectory, Path log) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(log.toAbsolutePath().getParent());
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    // keep the data: the directory is initialised once and reused on every later start
                    .setCleanDataDirectory(false)
                    // zonky turns synchronous commit off for speed; then a crash can lose transactions already reported
                    // committed, after a consumer has acknowledged their records (the fault campaign lost an alert so)
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on port " + port + " (" + rootMessage(e) + "); see " + log, e);
        }
        keepUntilLast();
        return new PostgresServer(postgres);
    }

    /** Creates each database that does not exist yet; names are fixed identifiers, never user input. */
    public void createDatabases(List<String> names) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
             Statement create = connection.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                exists.setString(1, name);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StackException("cannot create the service databases: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** pg_ctl stop in fast mode: open sessions are rolled back, the data directory is left consistent. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * zonky registers its own shutdown hook, which would stop PostgreSQL at the same moment as the launcher's hook
     * starts stopping the services that still write to it. Its hook is removed so that the launcher stops PostgreSQL
     * last. That needs the JDK's hook registry (opened by the jar manifest's Add-Opens); when it is not open, zonky's
     * hook stays and the order is merely less tidy.
     */
    private static void keepUntilLast() {
        try {
            Class<?> registry = Class.forName("java.lang.ApplicationShutdownHooks");
            Field hooksField = registry.getDeclaredField("hooks");
            hooksField.setAccessible(true);
            List<Thread> zonkyHooks = new ArrayList<>();
            synchronized (registry) {
                @SuppressWarnings("unchecked")
                Map<Thread, Thread> hooks = (Map<Thread, Thread>) hooksField.get(null);
                if (hooks == null) {
                    return; // the JVM is already shutting down
                }
                hooks.keySet().stream()
                        .filter(hook -> hook.getName().startsWith("postgres-") && hook.getName().endsWith("-closer"))
                        .forEach(zonkyHooks::add);
            }
            zonkyHooks.forEach(Runtime.getRuntime()::removeShutdownHook);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            // keep zonky's hook: PostgreSQL still stops, only not strictly after the services
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
