package org.wedops.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A service (or a client) that raises alerts, and the one way it builds them: a new event id, the time from its clock,
 * its name as {@code source}, and a fingerprint by the rule below. The fingerprint is the alert's Kafka key and its
 * primary key in the alert-router: alerts already stored are keyed by it, so the rule must never change.
 */
public final class AlertSource {

    private final String name;
    private final Clock clock;

    public AlertSource(String name, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String name() {
        return name;
    }

    /**
     * The fingerprint of one condition raised by this source: the first 16 bytes of SHA-256 over
     * {@code <source>/<part>/<part>…}, in hex. The parts are what tells one instance of the condition from another.
     */
    public String fingerprint(String... parts) {
        return fingerprintOf(name, parts);
    }

    /** {@link #fingerprint(String...)} for code that knows the source's name but has no clock (a pure rule). */
    public static String fingerprintOf(String source, String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source + "/" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * {@code <source>-<part>-<part>…}, unhashed: the key the scaling-planner's and the deployment-orchestrator's alerts
     * have had from the start. Kept for them only (their stored alerts are keyed by it); a new alert uses
     * {@link #fingerprint(String...)}.
     */
    public String plainFingerprint(String... parts) {
        return name + "-" + String.join("-", parts);
    }

    /** An alert event happening now, with its id, time, source and fingerprint set; the caller says what it is about. */
    public Alert.Builder alert(String fingerprint) {
        return alert(fingerprint, clock.instant());
    }

    /** The same, for an event about something observed at {@code occurredAt} (a health check's time, a tick's now). */
    public Alert.Builder alert(String fingerprint, Instant occurredAt) {
        return Alert.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setSource(name)
                .setFingerprint(fingerprint);
    }
}
