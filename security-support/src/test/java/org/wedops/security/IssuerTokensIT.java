package org.wedops.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Production mode against a real issuer over HTTP (discovery document and JWKS on a local port): a token is taken
 * only when the issuer's published key signed it with an asymmetric algorithm, for this API's audience, from this
 * issuer, and it has not expired. Every other token is refused with 401 problem+json.
 */
@SpringBootTest(classes = WedopsSecurityRulesIT.DummyService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the first token waits for discovery and the key fetch: on a loaded machine more than the default 5 s
@AutoConfigureWebTestClient(timeout = "PT30S")
class IssuerTokensIT {

    static final LocalIssuer issuer = LocalIssuer.start();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void issuerSettings(DynamicPropertyRegistry registry) {
        registry.add("wedops.security.mode", () -> "issuer");
        registry.add("wedops.security.issuer-uri", issuer::issuer);
        registry.add("wedops.security.audience", () -> LocalIssuer.AUDIENCE);
        // the rotation test below proves the refetch itself; KeyRefetchLimitTest proves how often it may happen
        registry.add("wedops.security.key-refetch-interval", () -> "0s");
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void aTokenOfTheIssuerForThisApiIsAccepted() {
        get(issuer.token("VIEWER")).expectStatus().isOk();
        post(issuer.token("OPERATOR")).expectStatus().isOk();
        post(issuer.token("VIEWER")).expectStatus().isForbidden();
    }

    @Test
    void aTokenOfTheSameIssuerForAnotherApplicationIsRefused() {
        refused(issuer.token(claims -> claims.audience("crm-frontend").claim("roles", List.of("ADMIN"))), "aud");
        refused(issuer.token(claims -> claims.audience((String) null).claim("roles", List.of("ADMIN"))), "aud");
    }

    @Test
    void aTokenNamingAnotherIssuerIsRefusedEvenWhenSignedWithTheRightKey() {
        refused(issuer.token(claims -> claims.issuer("https://evil.example/realms/wedops").claim("roles", List.of("ADMIN"))), "iss");
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience(LocalIssuer.AUDIENCE).subject("mallory")
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).claim("roles", List.of("ADMIN")).build();
        String unsigned = new PlainJWT(claims).serialize();
        assertThat(unsigned).endsWith(".");
        refused(unsigned, null);
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRefused() {
        String[] parts = issuer.token("VIEWER").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = payload.replace("\"VIEWER\"", "\"ADMIN\"");
        assertThat(promoted).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        refused(tampered, null);
    }

    @Test
    void aTokenSignedWithAKeyTheIssuerNeverPublishedIsRefused() {
        refused(issuer.tokenSignedWithUnpublishedKey("ADMIN"), null);
    }

    @Test
    void anHs256TokenIsRefusedInIssuerModeEvenWhenKeyedWithTheIssuersPublicKey() throws JOSEException {
        // the algorithm-confusion attack: the public key is public, so an HMAC keyed with it proves nothing
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience(LocalIssuer.AUDIENCE).subject("mallory")
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).claim("roles", List.of("ADMIN")).build();
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.currentKeyId()).build(), claims);
        hs256.sign(new MACSigner(issuer.publicKey().toRSAPublicKey().getEncoded()));
        refused(hs256.serialize(), null);
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() {
        String expired = issuer.token(claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(120))));
        refused(expired, "expired");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        refused(issuer.token(claims -> claims.expirationTime(null)), "exp");
    }

    @Test
    void afterTheIssuerRotatesItsKeyTheNewKeyIsFetchedAndItsTokensAccepted() {
        get(issuer.token("VIEWER")).expectStatus().isOk();
        int fetchesBefore = issuer.keyFetches();

        issuer.rotateKey();
        get(issuer.token("VIEWER")).expectStatus().isOk();

        assertThat(issuer.keyFetches()).as("the unknown key id made the decoder fetch the JWKS again").isGreaterThan(fetchesBefore);
    }

    private void refused(String token, String detailMentions) {
        WebTestClient.BodyContentSpec body = get(token)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectBody();
        if (detailMentions != null) {
            body.jsonPath("$.detail").value(detail -> assertThat((String) detail).containsIgnoringCase(detailMentions));
        }
    }

    private WebTestClient.ResponseSpec get(String token) {
        return web.get().uri("/api/things").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec post(String token) {
        return web.post().uri("/api/things").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }
}
