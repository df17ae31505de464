package org.wedops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * An identity provider that accepts connections and never answers (a hung issuer, a black-holed route): a token is
 * refused within the issuer timeout instead of holding the request, and with it an event-loop slot, forever.
 */
class SilentIssuerTest {

    @Test
    void aTokenIsRefusedWithinTheTimeoutWhenTheIssuerNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String issuer = "http://127.0.0.1:" + silent.getLocalPort() + "/realms/wedops";
            SecurityProperties properties = new SecurityProperties(SecurityProperties.Mode.ISSUER, null, null, issuer, "wedops-api",
                    null, List.of(SignatureAlgorithm.RS256), null, null, "roles", "ingest", Duration.ofSeconds(30));
            ReactiveJwtDecoder decoder = TokenDecoders.of(properties);
            try (LocalIssuer elsewhere = LocalIssuer.start()) {
                String token = elsewhere.token("ADMIN");
                long started = System.nanoTime();

                assertThatThrownBy(() -> decoder.decode(token).block(Duration.ofSeconds(30))).hasMessageContaining("Could not obtain the keys");

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TokenDecoders.ISSUER_TIMEOUT.multipliedBy(3));
            }
        }
    }
}
