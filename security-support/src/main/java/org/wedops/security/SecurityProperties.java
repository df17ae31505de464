package org.wedops.security;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * How every WedOps service validates bearer tokens; the gateway and each service use the same rules so a request
 * that bypasses the gateway gets nothing. Two modes, never mixed: {@code issuer} (the default, production) checks
 * tokens against an OIDC issuer's published keys, so no service holds a signing key; {@code local} checks HS256 tokens
 * against a shared secret, for the local stack and tests only. A configuration that mixes them, or lacks what its mode
 * needs, stops the start-up with the property at fault.
 *
 * @param mode            {@code issuer} (production) or {@code local} (shared HS256 secret)
 * @param jwtSecret       local mode: the HS256 secret, at least 32 bytes (256 bits)
 * @param jwtSecretFile   local mode: a file holding the HS256 secret as text (the local stack writes
 *                        {@code .wedops/jwt-secret}); instead of {@code jwtSecret}
 * @param issuerUri       issuer mode: the OIDC issuer; tokens must carry exactly this {@code iss}, and its keys are
 *                        found through {@code <issuer>/.well-known/openid-configuration} unless {@code jwkSetUri} is set
 * @param audience        issuer mode: the {@code aud} a token must name (what the identity provider calls this API), so
 *                        that its tokens for other applications are refused
 * @param jwkSetUri       issuer mode: the issuer's JWKS address, when discovery is not wanted (no call at start-up either
 *                        way: keys are fetched with the first token and again when a token names an unknown key id)
 * @param algorithms      issuer mode: the asymmetric signature algorithms accepted (RS256 and ES256 unless set); an HS*
 *                        or {@code none} token is refused whatever this says
 * @param scrapeToken     a static bearer token that opens {@code /actuator/prometheus} and nothing else, at least 32
 *                        characters; without it only ADMIN tokens read the metrics
 * @param scrapeTokenFile a file holding the scrape token (instead of {@code scrapeToken})
 * @param rolesClaim      claim carrying the roles array (VIEWER, OPERATOR, ADMIN)
 * @param ingestScope     scope that emitters' tokens carry; accepted on ingest endpoints only
 * @param keyRefetchInterval issuer mode: the least time between two fetches of the issuer's keys (0 to 1 h); a token
 *                        naming an unknown key id inside it is refused without a fetch
 */
@ConfigurationProperties("wedops.security")
public record SecurityProperties(
        @DefaultValue("issuer") Mode mode,
        String jwtSecret,
        Path jwtSecretFile,
        String issuerUri,
        String audience,
        URI jwkSetUri,
        @DefaultValue({"RS256", "ES256"}) List<SignatureAlgorithm> algorithms,
        String scrapeToken,
        Path scrapeTokenFile,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("ingest") String ingestScope,
        @DefaultValue("30s") Duration keyRefetchInterval) {

    /** HS256 needs a key at least as long as its hash (RFC 7518 §3.2). */
    public static final int MIN_SECRET_BYTES = 32;
    public static final int MIN_SCRAPE_TOKEN_CHARS = 32;

    /** Which keys tokens are checked against. */
    public enum Mode {
        /** A shared HS256 secret: the local stack and tests. Every holder of the secret can mint any token. */
        LOCAL,
        /** An OIDC issuer's JWKS (asymmetric keys), with issuer and audience: production. */
        ISSUER
    }

    public SecurityProperties {
        mode = mode == null ? Mode.ISSUER : mode;
        jwtSecret = blankToNull(jwtSecret);
        issuerUri = blankToNull(issuerUri);
        audience = blankToNull(audience);
        scrapeToken = blankToNull(scrapeToken);
        keyRefetchInterval = keyRefetchInterval == null ? Duration.ofSeconds(30) : keyRefetchInterval;
        if (keyRefetchInterval.isNegative() || keyRefetchInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("wedops.security.key-refetch-interval is " + keyRefetchInterval
                    + "; it must be between 0 and 1h");
        }
        algorithms = algorithms == null ? List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256) : List.copyOf(algorithms);
        boolean secretGiven = jwtSecret != null || jwtSecretFile != null;
        if (jwtSecret != null && jwtSecretFile != null) {
            throw new IllegalArgumentException("wedops.security.jwt-secret and wedops.security.jwt-secret-file are both set: set one");
        }
        if (mode == Mode.LOCAL) {
            if (!secretGiven) {
                throw new IllegalArgumentException("wedops.security.mode is local but neither wedops.security.jwt-secret nor "
                        + "wedops.security.jwt-secret-file is set");
            }
            if (jwtSecret != null) {
                requireSecretLength(jwtSecret, "wedops.security.jwt-secret");
            }
        } else {
            if (secretGiven) {
                throw new IllegalArgumentException((jwtSecret != null ? "wedops.security.jwt-secret" : "wedops.security.jwt-secret-file")
                        + " is set but wedops.security.mode is issuer: a shared HS256 secret would let anyone who holds it mint "
                        + "any token, so it is for the local stack only (remove it, or set wedops.security.mode=local)");
            }
            if (issuerUri == null) {
                throw new IllegalArgumentException("wedops.security.issuer-uri is required in issuer mode (the default; "
                        + "wedops.security.mode=local with a jwt-secret is for the local stack only)");
            }
            if (audience == null) {
                throw new IllegalArgumentException("wedops.security.audience is required in issuer mode: without it any token "
                        + "the issuer signs for any application would be accepted");
            }
            if (algorithms.isEmpty()) {
                throw new IllegalArgumentException("wedops.security.algorithms must name at least one signature algorithm");
            }
        }
        if (scrapeToken != null && scrapeTokenFile != null) {
            throw new IllegalArgumentException("wedops.security.scrape-token and wedops.security.scrape-token-file are both set: set one");
        }
        if (scrapeToken != null) {
            requireScrapeTokenLength(scrapeToken, "wedops.security.scrape-token");
        }
    }

    static void requireSecretLength(String secret, String property) {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(property + " is " + bytes + " bytes long; an HS256 secret needs at least "
                    + MIN_SECRET_BYTES + " (256 bits)");
        }
    }

    static void requireScrapeTokenLength(String token, String property) {
        if (token.length() < MIN_SCRAPE_TOKEN_CHARS) {
            throw new IllegalArgumentException(property + " is " + token.length() + " characters long; it needs at least "
                    + MIN_SCRAPE_TOKEN_CHARS);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
