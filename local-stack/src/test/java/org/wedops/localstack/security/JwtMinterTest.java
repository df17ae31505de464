package org.wedops.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JwtMinterTest {

    private static final String SECRET = "0pe1lpO_8M69XhqyU_7vjM-_trqqB-Oqr_RLP2wi3Vc";
    private static final Instant NOW = Instant.parse("2026-06-06T12:00:00Z");

    @Test
    void headerSaysHs256AndPayloadCarriesTheClaimsTheServicesRead() {
        String token = new JwtMinter(SECRET).mint("local-simulator", List.of("ADMIN"), "ingest", NOW, Duration.ofHours(12));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = json(parts[0]);
        assertThat(header.get("alg").asString()).isEqualTo("HS256");
        assertThat(header.get("typ").asString()).isEqualTo("JWT");
        JsonNode payload = json(parts[1]);
        assertThat(payload.get("sub").asString()).isEqualTo("local-simulator");
        assertThat(payload.get("roles").size()).isEqualTo(1);
        assertThat(payload.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(payload.get("scope").asString()).isEqualTo("ingest");
        assertThat(payload.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(payload.get("exp").asLong()).isEqualTo(NOW.plus(Duration.ofHours(12)).getEpochSecond());
    }

    @Test
    void signatureIsHmacSha256OfHeaderDotPayloadWithTheSecretTextAsKey() throws Exception {
        String token = new JwtMinter(SECRET + "\n").mint("someone", List.of("VIEWER"), null, NOW, Duration.ofMinutes(5));

        int lastDot = token.lastIndexOf('.');
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        byte[] actual = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        assertThat(MessageDigest.isEqual(expected, actual)).isTrue();
        assertThat(token).doesNotContain("=", "+", "/");
    }

    @Test
    void nimbusAsUsedByTheServicesAcceptsTheToken() throws Exception {
        String token = new JwtMinter(SECRET).mint("someone", List.of("OPERATOR"), null, Instant.now(), Duration.ofMinutes(5));

        SignedJWT parsed = SignedJWT.parse(token);
        assertThat(parsed.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(parsed.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("OPERATOR");
        assertThat(parsed.getJWTClaimsSet().getClaim("scope")).isNull();
    }

    @Test
    void quotesInClaimsDoNotBreakTheJson() {
        String token = new JwtMinter(SECRET).mint("a \"quoted\" \\ name", List.of(), null, NOW, Duration.ofMinutes(1));

        assertThat(json(token.split("\\.")[1]).get("sub").asString()).isEqualTo("a \"quoted\" \\ name");
    }

    private static JsonNode json(String base64url) {
        return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
    }
}
