package org.wedops.alert.routing;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A bearer secret such as a PagerDuty routing key: its text and JSON are {@code [redacted]}; {@link #reveal()} is for
 * the one caller that sends it.
 */
public final class SecretText {

    private final String value;

    private SecretText(String value) {
        this.value = value;
    }

    /** Null for a blank value (Spring binds configuration through this). */
    public static SecretText of(String value) {
        return value == null || value.isBlank() ? null : new SecretText(value.trim());
    }

    public String reveal() {
        return value;
    }

    @JsonValue
    @Override
    public String toString() {
        return "[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretText that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
