package org.wedops.testsupport;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** HS256 tokens as the local stack mints them, signed with the test secret every service under test trusts. */
public final class TestTokens {

    public static final String SECRET = "wedops-test-secret-0123456789abcdef0123456789";
    /** The static token Prometheus would scrape {@code /actuator/prometheus} with (wedops.security.scrape-token). */
    public static final String SCRAPE_TOKEN = "wedops-test-scrape-token-0123456789abcdef";

    private TestTokens() {
    }

    public static String withRoles(String... roles) {
        return mint(SECRET, List.of(roles), null, Instant.now().plusSeconds(3600));
    }

    public static String ingest() {
        return mint(SECRET, List.of(), "ingest", Instant.now().plusSeconds(3600));
    }

    public static String expired(String... roles) {
        return mint(SECRET, List.of(roles), null, Instant.now().minusSeconds(120));
    }

    public static String signedWith(String otherSecret, String... roles) {
        return mint(otherSecret, List.of(roles), null, Instant.now().plusSeconds(3600));
    }

    public static String mint(String secret, List<String> roles, String scope, Instant expiresAt) {
        // issued an hour before it expires, so an expired token is refused for being expired, not for being issued after it
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("test-user").claim("roles", roles)
                .expirationTime(Date.from(expiresAt)).issueTime(Date.from(expiresAt.minusSeconds(3600)));
        if (scope != null) {
            claims.claim("scope", scope);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
