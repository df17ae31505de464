package org.wedops.health.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of an alert the health-collector raises: stable for what the alert is about (a target, a region) and
 * its name, so the alert-router sees one alert per episode however often it is published, and from any instance.
 */
public final class AlertFingerprints {

    private AlertFingerprints() {
    }

    /** The first 16 bytes of SHA-256 over {@code health-collector/<subject>/<alert name>}, in hex. */
    public static String of(String subject, String alertName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((HealthAlertPublisher.SOURCE + "/" + subject + "/" + alertName).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
