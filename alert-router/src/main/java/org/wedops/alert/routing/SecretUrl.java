package org.wedops.alert.routing;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An address that is itself a credential: a Slack incoming-webhook URL (its path is the token), a webhook URL with a
 * key in it. Its text, its JSON and every message about it show the scheme and host only; {@link #reveal()} is for
 * the one caller that sends to it.
 */
public final class SecretUrl {

    private final URI uri;

    private SecretUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * The URL of an absolute http(s) address with a host; null for a blank one (Spring binds configuration through
     * this). The refusal never repeats the text: it may be the secret, slightly misspelt.
     */
    public static SecretUrl of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused("is not a valid URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new Refused("must be an absolute http or https URL");
        }
        return new SecretUrl(uri);
    }

    /** Why a text is not a usable address; its message never holds the text. */
    public static final class Refused extends IllegalArgumentException {

        Refused(String reason) {
            super(reason);
        }
    }

    public static SecretUrl of(URI uri) {
        return of(uri.toString());
    }

    /** The host, which is not secret and says where a delivery went. */
    public String host() {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The full address, secret included: only for sending. */
    public URI reveal() {
        return uri;
    }

    @JsonValue
    @Override
    public String toString() {
        return uri.getScheme() + "://" + host() + "/[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretUrl that && uri.equals(that.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }
}
