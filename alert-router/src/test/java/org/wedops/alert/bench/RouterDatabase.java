package org.wedops.alert.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the router's own database tells after a run: when each event was taken in, and what became of the outbox. */
final class RouterDatabase {

    /** The outbox after the run: rows by status, how many took more than one attempt, each group's first flush. */
    record Outbox(Map<String, Long> byStatus, long retried, Map<String, long[]> firstFlushByGroup) {
    }

    /** A group's first flush is the delivery key {@code <route>{alertname=…,service=…,}#1:<integration>}. */
    private static final Pattern FIRST_FLUSH_KEY = Pattern.compile("\\{alertname=([^,]*),service=([^,]*),\\}#(\\d+):");

    private final String jdbcUrl;

    RouterDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Transactions committed in the router's database so far; -1 when it cannot be read. */
    long transactionsCommitted() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select xact_commit from pg_stat_database where datname = 'alert_router'")) {
            return r.next() ? r.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Event id → when the router's intake transaction took it (processed_event.processed_at). */
    Map<String, Long> processedAt() throws SQLException {
        Map<String, Long> processedAt = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select event_id, processed_at from processed_event")) {
            while (r.next()) {
                processedAt.put(r.getString(1), BenchClock.micros(r.getTimestamp(2)));
            }
        }
        return processedAt;
    }

    Outbox outbox() throws SQLException {
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, long[]> firstFlush = new HashMap<>(); // group -> {created_at, delivered_at}
        long retried = 0;
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select delivery_key, created_at, delivered_at, status, attempts from notification")) {
            while (r.next()) {
                statuses.merge(r.getString(4), 1L, Long::sum);
                if (r.getInt(5) > 1) {
                    retried++;
                }
                Matcher m = FIRST_FLUSH_KEY.matcher(r.getString(1));
                if (m.find() && m.group(3).equals("1")) {
                    Timestamp delivered = r.getTimestamp(3);
                    firstFlush.put(m.group(1) + "|" + m.group(2),
                            new long[] {BenchClock.micros(r.getTimestamp(2)), delivered == null ? 0 : BenchClock.micros(delivered)});
                }
            }
        }
        return new Outbox(statuses, retried, firstFlush);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}
