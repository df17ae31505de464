package org.wedops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Tokens naming key ids the issuer never published make the resource server look for the key again; a flood of them
 * must not become a flood of requests against the identity provider: at most one fetch of the keys per interval. A key
 * the issuer really rotated to is taken once the interval has passed.
 */
class KeyRefetchLimitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final LocalIssuer issuer = LocalIssuer.start();
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-06-13T10:00:00Z"));
    private final ReactiveJwtDecoder decoder = TokenDecoders.of(new SecurityProperties(SecurityProperties.Mode.ISSUER, null, null,
            issuer.issuer(), LocalIssuer.AUDIENCE, null, List.of(SignatureAlgorithm.RS256), null, null, "roles", "ingest",
            Duration.ofSeconds(30)), clock);

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void tokensWithMadeUpKeyIdsDoNotFetchTheKeysAgainWithinTheInterval() {
        Jwt first = decoder.decode(issuer.token("VIEWER")).block(TIMEOUT);
        assertThat(first).isNotNull();
        assertThat(issuer.keyFetches()).isEqualTo(1);

        for (int i = 0; i < 25; i++) {
            String forged = issuer.tokenSignedWithUnpublishedKey("ADMIN");
            assertThatThrownBy(() -> decoder.decode(forged).block(TIMEOUT)).isInstanceOf(RuntimeException.class);
        }

        assertThat(issuer.keyFetches()).as("25 unknown key ids within 30 s cost no fetch").isEqualTo(1);
    }

    @Test
    void aRotatedKeyIsTakenOnceTheIntervalHasPassed() {
        decoder.decode(issuer.token("VIEWER")).block(TIMEOUT);
        issuer.rotateKey();
        String signedWithTheNewKey = issuer.token("VIEWER");

        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> decoder.decode(signedWithTheNewKey).block(TIMEOUT)).isInstanceOf(RuntimeException.class);
        assertThat(issuer.keyFetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(21));
        assertThat(decoder.decode(signedWithTheNewKey).block(TIMEOUT)).isNotNull();
        assertThat(issuer.keyFetches()).isEqualTo(2);
    }

    /** Test time that moves only when told, so the interval is crossed without waiting for it. */
    private static final class SteppingClock extends Clock {

        private final AtomicReference<Instant> now;

        SteppingClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration step) {
            now.updateAndGet(instant -> instant.plus(step));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
