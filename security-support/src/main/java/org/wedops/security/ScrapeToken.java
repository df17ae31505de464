package org.wedops.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import reactor.core.publisher.Mono;

/**
 * The static bearer token Prometheus scrapes {@code /actuator/prometheus} with. A static token rather than a JWT: a
 * scraper cannot renew tokens, and metrics must stay readable while the identity provider is down. It grants one
 * authority that only the metrics endpoint accepts, and is only looked at on that path (see
 * {@link WedopsSecurityConfiguration}); everywhere else the same string is just a malformed JWT.
 */
final class ScrapeToken {

    static final String AUTHORITY = "METRICS_SCRAPE";
    static final String PRINCIPAL = "metrics-scraper";

    private final byte[] digest;

    private ScrapeToken(String token) {
        this.digest = sha256(token);
    }

    static Optional<ScrapeToken> of(SecurityProperties properties) {
        if (properties.scrapeToken() != null) {
            return Optional.of(new ScrapeToken(properties.scrapeToken()));
        }
        if (properties.scrapeTokenFile() == null) {
            return Optional.empty();
        }
        try {
            String token = Files.readString(properties.scrapeTokenFile(), StandardCharsets.UTF_8).trim();
            SecurityProperties.requireScrapeTokenLength(token, "wedops.security.scrape-token-file (" + properties.scrapeTokenFile() + ")");
            return Optional.of(new ScrapeToken(token));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wedops.security.scrape-token-file " + properties.scrapeTokenFile() + ": " + e.getMessage(), e);
        }
    }

    /** Accepts the scrape token, and hands any other bearer token to the JWT manager. */
    ReactiveAuthenticationManager orElse(ReactiveAuthenticationManager jwt) {
        return authentication -> {
            // digests of equal length compared in constant time: the comparison tells nothing about the token
            if (authentication instanceof BearerTokenAuthenticationToken bearer && MessageDigest.isEqual(digest, sha256(bearer.getToken()))) {
                Authentication scraper = UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
                        List.of(new SimpleGrantedAuthority(AUTHORITY)));
                return Mono.just(scraper);
            }
            return jwt.authenticate(authentication);
        };
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
