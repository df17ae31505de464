package org.wedops.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real OIDC issuer on a local port, as far as a resource server sees one: its discovery document at
 * {@code <issuer>/.well-known/openid-configuration} and its public keys at {@code jwks_uri}, served over HTTP from
 * Nimbus keys. It signs RS256 tokens, can rotate its key (the old one leaves the published set) and counts how often
 * its keys were fetched.
 */
final class LocalIssuer implements AutoCloseable {

    static final String AUDIENCE = "wedops-api";

    private final HttpServer server;
    private final String issuer;
    private final AtomicReference<RSAKey> signingKey = new AtomicReference<>(newKey());
    private final AtomicInteger keyFetches = new AtomicInteger();

    private LocalIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/wedops";
        server.createContext("/realms/wedops/.well-known/openid-configuration", exchange -> json(exchange, Map.of(
                "issuer", issuer,
                "jwks_uri", issuer + "/protocol/openid-connect/certs",
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "subject_types_supported", List.of("public"))));
        server.createContext("/realms/wedops/protocol/openid-connect/certs", exchange -> {
            keyFetches.incrementAndGet();
            send(exchange, new JWKSet(signingKey.get().toPublicJWK()).toString());
        });
        server.start();
    }

    static LocalIssuer start() {
        return new LocalIssuer();
    }

    String issuer() {
        return issuer;
    }

    int keyFetches() {
        return keyFetches.get();
    }

    /** A new key pair with a new key id; from now on only its public half is published and it signs tokens. */
    void rotateKey() {
        signingKey.set(newKey());
    }

    String currentKeyId() {
        return signingKey.get().getKeyID();
    }

    /** A token as the issuer mints it for this API, valid for an hour, with the given roles. */
    String token(String... roles) {
        return token(claims -> claims.claim("roles", List.of(roles)));
    }

    /** A token signed with the current key after the claims are changed as the test says. */
    String token(Consumer<JWTClaimsSet.Builder> change) {
        return sign(signingKey.get(), change);
    }

    /** A token signed with a key this issuer never published. */
    String tokenSignedWithUnpublishedKey(String... roles) {
        return sign(newKey(), claims -> claims.claim("roles", List.of(roles)));
    }

    private String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("issued-user")
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", List.of("VIEWER"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    RSAKey publicKey() {
        return signingKey.get().toPublicJWK();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, Map<String, ?> body) throws IOException {
        send(exchange, JsonMapper.shared().writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
